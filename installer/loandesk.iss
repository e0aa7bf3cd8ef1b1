; Inno Setup 6 script for LoanDesk (小微信贷柜面系统).
;
; Compiled by installer/build.py on Windows after the PyInstaller build:
;   ISCC.exe /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 /DDistDir=...\dist\LoanDesk installer\loandesk.iss
; Paths below are relative to this file's folder.
;
; What stays on the machine on uninstall and upgrade (never listed below, so
; never touched by this installer or its uninstaller):
;   - the database, settings and logs in the user's profile, where the program
;     puts them through platformdirs: %LOCALAPPDATA%\LoanDesk (loandesk.db,
;     settings.json) and %LOCALAPPDATA%\LoanDesk\Logs;
;   - the database password in Windows Credential Manager (service "LoanDesk").
; A branch on PostgreSQL keeps its data on the server in any case.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion "0.0.0.0"
#endif
#ifndef DistDir
  #define DistDir "..\dist\LoanDesk"
#endif
#define AppExe "LoanDesk.exe"

[Setup]
; Fixed for the life of the product: a new version with the same AppId
; replaces the old one in place (same folder, one entry in Apps & Features).
; Never change it, never reuse it for another program.
AppId={{DED326DA-A93C-4C37-9048-493A7A9DAF12}
AppName=LoanDesk
AppVersion={#AppVersion}
AppVerName=小微信贷柜面系统 LoanDesk {#AppVersion}
AppPublisher=LoanDesk
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName=小微信贷柜面系统 LoanDesk
; For all users, under Program Files; so administrator rights are needed.
PrivilegesRequired=admin
DefaultDirName={autopf}\LoanDesk
DefaultGroupName=LoanDesk
DisableProgramGroupPage=yes
; The Qt 6 and Python 3.11 in the bundle need 64-bit Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Ask to close a running LoanDesk before its files are replaced.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\resources\icons\loandesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=小微信贷柜面系统 LoanDesk
OutputDir=..\dist\installer
OutputBaseFilename=LoanDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; ChineseSimplified.isl is an unofficial translation: many Inno Setup
; distributions include it, the official installer may not (see README.md).
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=小微信贷柜面系统
english.AppTitle=LoanDesk Micro Loan Desk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; On upgrade, drop the previous version's libraries first so no stale module
; outlives it. Only the program folder: user data lives elsewhere (see top).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,LoanDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Byte-code caches Python may have written beside the migration scripts when
; the program ran with administrator rights. Program folder only.
Type: filesandordirs; Name: "{app}\_internal"
