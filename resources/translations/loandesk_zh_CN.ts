<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnalysisForm</name>
    <message>
        <source>Balance sheet</source>
        <translation>资产负债表</translation>
    </message>
    <message>
        <source>Monthly profit and loss</source>
        <translation>月度损益表</translation>
    </message>
    <message>
        <source>Household income and spending</source>
        <translation>家庭收支</translation>
    </message>
    <message>
        <source>Equity cross-check</source>
        <translation>权益交叉检验</translation>
    </message>
    <message>
        <source>Sales cross-check</source>
        <translation>销售收入交叉检验</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产合计</translation>
    </message>
    <message>
        <source>Total liabilities</source>
        <translation>负债合计</translation>
    </message>
    <message>
        <source>Owner&apos;s equity</source>
        <translation>所有者权益</translation>
    </message>
    <message>
        <source>Gross profit (month)</source>
        <translation>月毛利润</translation>
    </message>
    <message>
        <source>Net operating profit (month)</source>
        <translation>月经营净利润</translation>
    </message>
    <message>
        <source>Household surplus (month)</source>
        <translation>月净结余</translation>
    </message>
    <message>
        <source>Proposed instalment</source>
        <translation>拟还款月供</translation>
    </message>
    <message>
        <source>Instalment / surplus</source>
        <translation>月供占月净结余</translation>
    </message>
    <message>
        <source>or the margin below</source>
        <translation>或填下方毛利率</translation>
    </message>
    <message>
        <source>%, or the cost above</source>
        <translation>%，或填上方成本</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>required, in months</source>
        <translation>必填，月数</translation>
    </message>
    <message>
        <source>from the profit and loss</source>
        <translation>按损益表推算</translation>
    </message>
    <message>
        <source>from the balance sheet</source>
        <translation>取资产负债表</translation>
    </message>
    <message>
        <source>from the household surplus</source>
        <translation>取月净结余</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Still missing before submission</source>
        <translation>提交前尚缺</translation>
    </message>
    <message>
        <source>A cash-flow plan sets its own instalments.</source>
        <translation>按现金流约定还本的月供由还款计划决定。</translation>
    </message>
    <message>
        <source>{0} yuan</source>
        <translation>{0} 元</translation>
    </message>
</context>
<context>
    <name>ApplicationEditDialog</name>
    <message>
        <source>New loan application</source>
        <translation>新建贷款申请</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Guarantees</source>
        <translation>担保</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Opening the application…</source>
        <translation>正在打开申请…</translation>
    </message>
    <message>
        <source>Application {0} — {1}</source>
        <translation>申请 {0} — {1}</translation>
    </message>
    <message>
        <source>Loan application {0}</source>
        <translation>贷款申请 {0}</translation>
    </message>
    <message>
        <source>Save the draft first; then files can be added.</source>
        <translation>请先保存草稿，再添加附件。</translation>
    </message>
    <message>
        <source>Read only: only loan officers and assisting officers take applications.</source>
        <translation>只读：贷款申请只能由客户经理或辅助信贷员录入。</translation>
    </message>
    <message>
        <source>Read only: this application is {0}.</source>
        <translation>只读：该申请{0}。</translation>
    </message>
    <message>
        <source>Loading the customer…</source>
        <translation>正在载入客户…</translation>
    </message>
    <message>
        <source>Checking against the product…</source>
        <translation>正在检查产品准入条件…</translation>
    </message>
    <message>
        <source>To check the product&apos;s rules: {0}</source>
        <translation>检查产品准入条件还需：{0}</translation>
    </message>
    <message>
        <source>Meets the product&apos;s rules.</source>
        <translation>符合产品准入条件。</translation>
    </message>
    <message>
        <source>Annual rate at risk grade {0}: {1}</source>
        <translation>风险等级 {0} 的年利率：{1}</translation>
    </message>
    <message>
        <source>The instalment follows once amount, term, method and rate are known.</source>
        <translation>填写金额、期限、还款方式并取得利率后计算月供。</translation>
    </message>
    <message>
        <source>Correct the analysis figures in red first; nothing was saved.</source>
        <translation>请先修改分析表中标红的数字；未保存任何内容。</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>正在保存草稿…</translation>
    </message>
    <message>
        <source>Draft {0} saved.</source>
        <translation>草稿 {0} 已保存。</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Cannot submit yet</source>
        <translation>暂不能提交</translation>
    </message>
    <message>
        <source>Application {0} was submitted for approval.</source>
        <translation>申请 {0} 已提交审批。</translation>
    </message>
    <message>
        <source>On the default notice list</source>
        <translation>在违约信息通报名单中</translation>
    </message>
    <message>
        <source>Someone else saved this application after you opened it. Close it and open it again to see their changes; yours were not saved.
{0}</source>
        <translation>您打开后，其他人保存了该申请。请关闭后重新打开查看其修改；您的修改未保存。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields in red.</source>
        <translation>未保存任何内容：请修改标红的项目。</translation>
    </message>
    <message>
        <source>Add a file to the application</source>
        <translation>为申请添加附件</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <source>The changes since the last save will be lost.</source>
        <translation>上次保存之后的修改将会丢失。</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>不保存就关闭？</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存，关闭</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Loan applications</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Application no., name, ID or phone</source>
        <translation>申请编号、姓名、身份证号或手机号</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>New application…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>正在载入产品…</translation>
    </message>
    <message>
        <source>Showing the first {0} applications: narrow the search.</source>
        <translation>只显示前 {0} 笔申请，请缩小查询范围。</translation>
    </message>
    <message>
        <source>{0} applications found.</source>
        <translation>共找到 {0} 笔申请。</translation>
    </message>
    <message>
        <source>{0} applications shown; scroll down for more.</source>
        <translation>已显示 {0} 笔申请，向下滚动可显示更多。</translation>
    </message>
    <message>
        <source>Select an application in the list first.</source>
        <translation>请先在列表中选择一笔申请。</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <source>created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>first administrator created</source>
        <translation>创建初始管理员</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>User roles</source>
        <translation>用户角色</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
</context>
<context>
    <name>BaseRateDialog</name>
    <message>
        <source>Add LPR quotation</source>
        <translation>新增 LPR 报价</translation>
    </message>
    <message>
        <source>Correct LPR quotation</source>
        <translation>更正 LPR 报价</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>1-year LPR (%)</source>
        <translation>1年期LPR（%）</translation>
    </message>
    <message>
        <source>5-year+ LPR (%)</source>
        <translation>5年期以上LPR（%）</translation>
    </message>
    <message>
        <source>As published by the National Interbank Funding Center, e.g. 3.00</source>
        <translation>按全国银行间同业拆借中心公布的数值填写，如 3.00</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BaseRateTableModel</name>
    <message>
        <source>Effective from</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>1-year LPR</source>
        <translation>1年期LPR</translation>
    </message>
    <message>
        <source>5-year+ LPR</source>
        <translation>5年期以上LPR</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
</context>
<context>
    <name>BlacklistTableModel</name>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>在名单中</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>已移出</translation>
    </message>
</context>
<context>
    <name>BlacklistView</name>
    <message>
        <source>Show lifted entries</source>
        <translation>显示已移出的人员</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Default notice list</source>
        <translation>违约信息通报名单</translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>正在载入名单…</translation>
    </message>
    <message>
        <source>{0} people on the list.</source>
        <translation>名单中共 {0} 人。</translation>
    </message>
    <message>
        <source>Import a notice list</source>
        <translation>导入违约信息通报名单</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing the list…</source>
        <translation>正在导入名单…</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
</context>
<context>
    <name>CatalogueNames</name>
    <message>
        <source>Natural-person guarantee</source>
        <translation>自然人保证</translation>
    </message>
    <message>
        <source>Guarantee company</source>
        <translation>担保公司保证</translation>
    </message>
    <message>
        <source>Joint-guarantee group</source>
        <translation>联保</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押</translation>
    </message>
    <message>
        <source>Credit (unsecured)</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Equal instalments</source>
        <translation>等额本息</translation>
    </message>
    <message>
        <source>Equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Interest monthly, principal at maturity</source>
        <translation>按月付息到期还本</translation>
    </message>
    <message>
        <source>Interest quarterly, principal at maturity</source>
        <translation>按季付息到期还本</translation>
    </message>
    <message>
        <source>Principal by agreed cash flow</source>
        <translation>按现金流约定还本</translation>
    </message>
    <message>
        <source>Monthly interest</source>
        <translation>按月付息</translation>
    </message>
    <message>
        <source>Quarterly interest</source>
        <translation>按季付息</translation>
    </message>
    <message>
        <source>Cash flow</source>
        <translation>按现金流</translation>
    </message>
    <message>
        <source>A (excellent)</source>
        <translation>A（优）</translation>
    </message>
    <message>
        <source>B (good)</source>
        <translation>B（良）</translation>
    </message>
    <message>
        <source>C (fair)</source>
        <translation>C（中）</translation>
    </message>
    <message>
        <source>D (poor)</source>
        <translation>D（差）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>丧偶</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>自有</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>租赁</translation>
    </message>
    <message>
        <source>Equal instalments</source>
        <translation>等额本息</translation>
    </message>
    <message>
        <source>Equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Interest monthly, principal at maturity</source>
        <translation>按月付息到期还本</translation>
    </message>
    <message>
        <source>Interest quarterly, principal at maturity</source>
        <translation>按季付息到期还本</translation>
    </message>
    <message>
        <source>Principal by agreed cash flow</source>
        <translation>按现金流约定还本</translation>
    </message>
    <message>
        <source>Personal guarantee</source>
        <translation>自然人保证</translation>
    </message>
    <message>
        <source>Guarantee company</source>
        <translation>担保公司保证</translation>
    </message>
    <message>
        <source>Joint-guarantee group</source>
        <translation>联保</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押</translation>
    </message>
    <message>
        <source>Credit (unsecured)</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房产</translation>
    </message>
    <message>
        <source>Land-use right</source>
        <translation>土地使用权</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Machinery and equipment</source>
        <translation>机器设备</translation>
    </message>
    <message>
        <source>Certificate of deposit</source>
        <translation>存单</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Escalated to head office</source>
        <translation>已上报总行审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>面签中</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已面签</translation>
    </message>
    <message>
        <source>Signed off by supervisor</source>
        <translation>主管已合规确认</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已否决</translation>
    </message>
    <message>
        <source>Returned for more information</source>
        <translation>已退回补充</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>Local data file (one desk)</source>
        <translation>本机数据文件（单台柜面使用）</translation>
    </message>
    <message>
        <source>PostgreSQL server (the whole branch)</source>
        <translation>PostgreSQL 服务器（全网点共用）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Choose the data file</source>
        <translation>选择数据文件</translation>
    </message>
    <message>
        <source>LoanDesk data (*.db);;All files (*)</source>
        <translation>LoanDesk 数据文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Please fill in the server, the database and the user.</source>
        <translation>请填写服务器、数据库和用户。</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Connection succeeded.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <source>The settings were saved, but not the password. {0}</source>
        <translation>连接设置已保存，但密码未保存。{0}</translation>
    </message>
    <message>
        <source>Password not stored</source>
        <translation>密码未保存</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <source>Saved for the next start</source>
        <translation>下次启动时使用</translation>
    </message>
    <message>
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <source>none (the local data file is used)</source>
        <translation>未设置（使用本机数据文件）</translation>
    </message>
    <message>
        <source>Saved. LoanDesk uses the new connection from its next start.</source>
        <translation>已保存。下次启动本系统时使用新的连接。</translation>
    </message>
</context>
<context>
    <name>CustomerEditDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>18 digits; the last may be X</source>
        <translation>18位，最后一位可以是 X</translation>
    </message>
    <message>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>婚姻状况</translation>
    </message>
    <message>
        <source>Spouse&apos;s name</source>
        <translation>配偶姓名</translation>
    </message>
    <message>
        <source>Spouse&apos;s resident ID</source>
        <translation>配偶身份证号码</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营实体</translation>
    </message>
    <message>
        <source>Registered businesses</source>
        <translation>已登记的经营实体</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Many individual businesses trade unregistered and have none.</source>
        <translation>未办理营业执照的个体经营者没有统一社会信用代码，可不填。</translation>
    </message>
    <message>
        <source>e.g. grocery retail</source>
        <translation>例如：食杂零售</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>The bank&apos;s marketing area, if any</source>
        <translation>本行营销片区（如有）</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>经营实体名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Operating since</source>
        <translation>开始经营日期</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>经营场所</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>雇员人数</translation>
    </message>
    <message>
        <source>Marketing area</source>
        <translation>营销片区</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer {0}</source>
        <translation>客户 {0}</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新增经营实体</translation>
    </message>
    <message>
        <source>Looking up the ID number…</source>
        <translation>正在查询身份证号码…</translation>
    </message>
    <message>
        <source>This ID number is already registered as customer {0}: it is opened for you.</source>
        <translation>该身份证号码已登记为客户 {0}，已为您打开该客户。</translation>
    </message>
    <message>
        <source>Customer already registered</source>
        <translation>客户已登记</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields in red.</source>
        <translation>未保存任何内容：请修改标红的项目。</translation>
    </message>
    <message>
        <source>The customer was saved, but not the business: {0}</source>
        <translation>客户资料已保存，但经营实体未保存：{0}</translation>
    </message>
    <message>
        <source>Someone else changed this customer while you were editing. The current record is loaded; please make your change again.
{0}</source>
        <translation>您编辑期间，其他人修改了该客户。已载入最新资料，请重新修改。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Born {0}, {1}, region code {2}</source>
        <translation>出生日期 {0}，{1}，地区代码 {2}</translation>
    </message>
    <message>
        <source>{0} of 18 digits typed</source>
        <translation>已输入 {0} 位，共 18 位</translation>
    </message>
    <message>
        <source>The birth date {0} is not a real date: check digits 7 to 14</source>
        <translation>出生日期 {0} 不是有效日期，请核对第7至14位</translation>
    </message>
    <message>
        <source>born {0}</source>
        <translation>出生日期 {0}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Choose the borrower</source>
        <translation>选择借款客户</translation>
    </message>
    <message>
        <source>Name, any part of the ID number, or phone</source>
        <translation>姓名、身份证号码任意几位或手机号码</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Name, any part of the ID number, or phone</source>
        <translation>姓名、身份证号码任意几位或手机号码</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Showing the first {0} customers: narrow the search.</source>
        <translation>只显示前 {0} 位客户，请缩小查询范围。</translation>
    </message>
    <message>
        <source>{0} customers found.</source>
        <translation>共找到 {0} 位客户。</translation>
    </message>
    <message>
        <source>{0} customers shown; scroll down for more.</source>
        <translation>已显示 {0} 位客户，向下滚动可显示更多。</translation>
    </message>
    <message>
        <source>Select a customer in the list first.</source>
        <translation>请先在列表中选择一位客户。</translation>
    </message>
    <message>
        <source>Opening the customer…</source>
        <translation>正在打开客户…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>创建初始管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account: the administrator then adds the other staff and their roles. Choose a password only you know; there is no default password.</source>
        <translation>该数据库中还没有任何用户。请先创建管理员账户，再由管理员添加其他员工并分配角色。请设置只有您自己知道的密码，系统没有默认密码。</translation>
    </message>
    <message>
        <source>Letters and digits, e.g. zhangsan</source>
        <translation>英文字母和数字，例如 zhangsan</translation>
    </message>
    <message>
        <source>At least 8 characters, letters and digits</source>
        <translation>至少 8 位，须同时包含字母和数字</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>正在创建管理员…</translation>
    </message>
</context>
<context>
    <name>GuaranteesTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与借款人关系</translation>
    </message>
    <message>
        <source>Monthly income</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营项目</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>权证号码</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有权人</translation>
    </message>
    <message>
        <source>Appraised value</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <source>Loan-to-value</source>
        <translation>抵押率</translation>
    </message>
    <message>
        <source>Guarantors</source>
        <translation>保证人</translation>
    </message>
    <message>
        <source>Add guarantor</source>
        <translation>添加保证人</translation>
    </message>
    <message>
        <source>Joint-guarantee group (the borrower&apos;s household is the first member)</source>
        <translation>联保小组（借款人家庭为第一户，不再重复录入）</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押物</translation>
    </message>
    <message>
        <source>Add collateral</source>
        <translation>添加抵押物</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Welcome, {0}</source>
        <translation>您好，{0}</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>unknown ({0})</source>
        <translation>未知（{0}）</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>InvestigationTab</name>
    <message>
        <source>Not visited yet</source>
        <translation>尚未调查</translation>
    </message>
    <message>
        <source>What the two officers saw on site: premises, stock, books, neighbours…</source>
        <translation>两名调查人员实地所见：经营场所、存货、账本、邻里评价…</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Loan officer</source>
        <translation>主办客户经理</translation>
    </message>
    <message>
        <source>Assisting officer</source>
        <translation>辅助信贷员</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <source>On-site investigation (two officers)</source>
        <translation>实地调查（双人调查）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Files kept with the application</source>
        <translation>申请附件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>上传人</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <source>The assisting officer must be someone else.</source>
        <translation>辅助信贷员不能与主办客户经理为同一人。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Micro and Small Business Loan Desk</source>
        <translation>小微信贷柜面系统</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Database connection…</source>
        <translation>数据库连接(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics for the help desk</source>
        <translation>复制诊断信息(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>{0} ({1}) — {2}</source>
        <translation>{0}（{1}）｜{2}</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Saved. LoanDesk uses the new connection from its next start.</source>
        <translation>已保存。下次启动本系统时使用新的连接。</translation>
    </message>
    <message>
        <source>Collecting diagnostics…</source>
        <translation>正在收集诊断信息…</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your message to the help desk.</source>
        <translation>诊断信息已复制到剪贴板，请粘贴到发给技术支持的消息中。</translation>
    </message>
    <message>
        <source>Micro and Small Business Loan Desk (LoanDesk) {0}
Database: {1}</source>
        <translation>小微信贷柜面系统（LoanDesk）{0}
数据库：{1}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Database unavailable</source>
        <translation>数据库不可用</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>利率定价</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品管理</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>贷款试算</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation>违约名单</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something went wrong: {0}. The details were written to the log.</source>
        <translation>操作出错（{0}），详细信息已写入日志。请联系系统管理员。</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>PricingView</name>
    <message>
        <source>Rates</source>
        <translation>利率定价</translation>
    </message>
    <message>
        <source>Annual rate = LPR in force on the application date + risk spread</source>
        <translation>年利率 = 申请日生效的 LPR + 风险加点</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>LPR quotations</source>
        <translation>LPR 报价</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Percentage points over the LPR. Double-click a figure to change it.</source>
        <translation>在 LPR 基础上加的百分点。双击数字即可修改，回车保存。</translation>
    </message>
    <message>
        <source>Risk spreads by product and grade</source>
        <translation>各产品、各风险等级的加点</translation>
    </message>
    <message>
        <source>Loading rates…</source>
        <translation>正在读取利率…</translation>
    </message>
    <message>
        <source>Remove the LPR quotation effective from {0}?</source>
        <translation>删除自 {0} 起生效的 LPR 报价？</translation>
    </message>
    <message>
        <source>Remove quotation</source>
        <translation>删除报价</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Select a quotation in the list first.</source>
        <translation>请先在列表中选择一条报价。</translation>
    </message>
    <message>
        <source>Saved: {0}, {1}: +{2}</source>
        <translation>已保存：{0}，{1}：+{2}</translation>
    </message>
    <message>
        <source>Someone else changed this rate while you were editing. The tables are reloaded; please make your change again.
{0}</source>
        <translation>您编辑期间，该利率已被其他人修改。表格已重新加载，请重新进行修改。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
</context>
<context>
    <name>ProductEditDialog</name>
    <message>
        <source>Add product</source>
        <translation>新增产品</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>编辑产品</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>lower-case letters, digits and hyphens</source>
        <translation>小写字母、数字和连字符</translation>
    </message>
    <message>
        <source>On sale (new applications accepted)</source>
        <translation>在售（受理新申请）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Amount and term</source>
        <translation>金额与期限</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>empty: no stricter rule</source>
        <translation>留空：不加严</translation>
    </message>
    <message>
        <source>Time in business</source>
        <translation>经营时间</translation>
    </message>
    <message>
        <source>At least (months)</source>
        <translation>至少（月）</translation>
    </message>
    <message>
        <source>For amounts above (yuan)</source>
        <translation>金额超过（元）</translation>
    </message>
    <message>
        <source>above it, at least (months)</source>
        <translation>超过时至少（月）</translation>
    </message>
    <message>
        <source>Penalty interest uplift</source>
        <translation>罚息上浮比例</translation>
    </message>
    <message>
        <source>Overdue principal</source>
        <translation>逾期本金</translation>
    </message>
    <message>
        <source>Funds misused</source>
        <translation>挪用资金</translation>
    </message>
    <message>
        <source>Guarantee types accepted</source>
        <translation>接受的担保方式</translation>
    </message>
    <message>
        <source>Repayment methods offered</source>
        <translation>可选的还款方式</translation>
    </message>
    <message>
        <source>Collateral required</source>
        <translation>必须提供抵押</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>抵押</translation>
    </message>
    <message>
        <source>Loan-to-value at most</source>
        <translation>抵押率上限</translation>
    </message>
    <message>
        <source>Joint-guarantee group</source>
        <translation>联保小组</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 500000 or 50万</source>
        <translation>如 500000 或 50万</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额范围（元）</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Guarantees</source>
        <translation>担保方式</translation>
    </message>
    <message>
        <source>Repayment methods</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Penalty uplift</source>
        <translation>罚息上浮</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <source>Products</source>
        <translation>产品管理</translation>
    </message>
    <message>
        <source>Add product…</source>
        <translation>新增产品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Switched-off products take no new applications; loans granted keep them.</source>
        <translation>停用的产品不再受理新申请；已发放的贷款不受影响。</translation>
    </message>
    <message>
        <source>Loading products…</source>
        <translation>正在读取产品…</translation>
    </message>
    <message>
        <source>Put on sale</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Switch off “{0}”? It will take no new applications; loans already granted are not affected.</source>
        <translation>停用“{0}”？停用后不再受理新申请，已发放的贷款不受影响。</translation>
    </message>
    <message>
        <source>Switch off product</source>
        <translation>停用产品</translation>
    </message>
    <message>
        <source>Keep on sale</source>
        <translation>继续在售</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Select a product in the list first.</source>
        <translation>请先在列表中选择一个产品。</translation>
    </message>
    <message>
        <source>Someone else changed this product while you were editing. The list is reloaded; please make your change again.
{0}</source>
        <translation>您编辑期间，该产品已被其他人修改。列表已重新加载，请重新进行修改。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
</context>
<context>
    <name>QuoteView</name>
    <message>
        <source>Loan quote</source>
        <translation>贷款试算</translation>
    </message>
    <message>
        <source>Reload products and rates</source>
        <translation>重新读取产品和利率</translation>
    </message>
    <message>
        <source>e.g. 100000 or 10万</source>
        <translation>如 100000 或 10万</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Same day as the start date</source>
        <translation>与放款日同日</translation>
    </message>
    <message>
        <source>Day </source>
        <translation>每月 </translation>
    </message>
    <message>
        <source> of the month</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>empty: the product&apos;s price</source>
        <translation>留空：按产品定价</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>贷款产品</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>贷款金额（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>贷款期限</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>放款日</translation>
    </message>
    <message>
        <source>Due day each month</source>
        <translation>每月还款日</translation>
    </message>
    <message>
        <source>Override rate (% a year)</source>
        <translation>指定年利率（%）</translation>
    </message>
    <message>
        <source>Loading products and rates…</source>
        <translation>正在读取产品和利率…</translation>
    </message>
    <message>
        <source>No product is on sale: ask the administrator.</source>
        <translation>目前没有在售的产品，请联系管理员。</translation>
    </message>
    <message>
        <source>{0} – {1} months</source>
        <translation>{0} – {1} 个月</translation>
    </message>
    <message>
        <source>A cash-flow schedule is agreed with the customer period by period; it is drawn up with the application.</source>
        <translation>按现金流约定还本的还款计划须与客户逐期商定，在办理申请时制定。</translation>
    </message>
    <message>
        <source>Annual rate —</source>
        <translation>年利率 —</translation>
    </message>
    <message>
        <source>Cannot price this loan: {0}. Type an override rate to quote anyway.</source>
        <translation>无法定价：{0}。如需继续试算，请填写指定年利率。</translation>
    </message>
    <message>
        <source>Annual rate {0}</source>
        <translation>年利率 {0}</translation>
    </message>
    <message>
        <source>Override rate; the product&apos;s price would be {0}</source>
        <translation>指定利率；按产品定价应为 {0}</translation>
    </message>
    <message>
        <source>Override rate</source>
        <translation>指定利率</translation>
    </message>
    <message>
        <source>Monthly payment {0}</source>
        <translation>每期还款 {0}</translation>
    </message>
    <message>
        <source>First payment {0}</source>
        <translation>首期还款 {0}</translation>
    </message>
    <message>
        <source>{0} yuan    Total interest {1} yuan    Total to repay {2} yuan</source>
        <translation>{0} 元    利息合计 {1} 元    还款总额 {2} 元</translation>
    </message>
    <message>
        <source>The schedule below is for the last complete entries, not the ones above.</source>
        <translation>下表仍是上一次完整输入的还款计划，不是上面当前的输入。</translation>
    </message>
</context>
<context>
    <name>RequestTab</name>
    <message>
        <source>No borrower chosen yet</source>
        <translation>尚未选择借款客户</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>e.g. 15万 or 150,000</source>
        <translation>例如：15万 或 150,000</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>e.g. buying stock for the season</source>
        <translation>例如：旺季进货</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款客户</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>经营实体</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>贷款产品</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>借款用途</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Due day of the month</source>
        <translation>每月还款日</translation>
    </message>
    <message>
        <source>Guarantee type</source>
        <translation>担保方式</translation>
    </message>
    <message>
        <source>Product rules and price</source>
        <translation>产品准入条件与利率</translation>
    </message>
    <message>
        <source>Choose a product to see its rules.</source>
        <translation>选择贷款产品后显示其准入条件。</translation>
    </message>
    <message>
        <source>{0}: {1} to {2} yuan, {3} to {4} months; guarantee: {5}.</source>
        <translation>{0}：金额 {1} 至 {2} 元，期限 {3} 至 {4} 个月；担保方式：{5}。</translation>
    </message>
    <message>
        <source>Reads as {0} yuan</source>
        <translation>即 {0} 元</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Loan officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Assisting officer</source>
        <translation>辅助信贷员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>业务主管</translation>
    </message>
    <message>
        <source>Head-office credit approver</source>
        <translation>总行授信审批</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>No.</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>应还金额</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Micro and Small Business Loan Desk</source>
        <translation>小微信贷柜面系统</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>登录用户名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>SpreadTableModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>{0} (switched off)</source>
        <translation>{0}（已停用）</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database address {0} cannot be used: {1}</source>
        <translation>数据库地址 {0} 无法使用：{1}</translation>
    </message>
    <message>
        <source>Cannot open the database {0}: {1}</source>
        <translation>无法打开数据库 {0}：{1}</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>No password for this server is stored on this computer.</source>
        <translation>本机尚未保存该服务器的密码。</translation>
    </message>
    <message>
        <source>Enter the password for the database server {0}.</source>
        <translation>请输入数据库服务器 {0} 的密码。</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Cannot open this database</source>
        <translation>不能打开此数据库</translation>
    </message>
    <message>
        <source>{0}

Database: {1}

Create or upgrade the tables now?</source>
        <translation>{0}

数据库：{1}

现在创建或升级数据库结构吗？</translation>
    </message>
    <message>
        <source>Database upgrade</source>
        <translation>数据库升级</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Upgrading the database…</source>
        <translation>正在升级数据库…</translation>
    </message>
    <message>
        <source>{0}

Check the database connection?</source>
        <translation>{0}

要检查数据库连接设置吗？</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>连接设置…</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Desk locked</source>
        <translation>柜面已锁定</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>柜面已锁定</translation>
    </message>
    <message>
        <source>Locked after a period without use. {0} ({1}), enter your password to go on.</source>
        <translation>长时间无操作，系统已自动锁定。{0}（{1}），请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>账户启用</translation>
    </message>
    <message>
        <source>At least 8 characters, letters and digits</source>
        <translation>至少 8 位，须同时包含字母和数字</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Locked (too many wrong passwords)</source>
        <translation>已锁定（密码错误次数过多）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Set new password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>正在读取用户…</translation>
    </message>
    <message>
        <source>Select a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Someone else changed this user while you were editing. The list is reloaded; please make your change again.
{0}</source>
        <translation>在您修改期间，其他人已修改了该用户。列表已重新加载，请重新修改。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
</context>
</TS>
