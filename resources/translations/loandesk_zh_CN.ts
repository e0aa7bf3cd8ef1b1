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
    <name>ApprovalLimitDialog</name>
    <message>
        <source>Add approval limit</source>
        <translation>新增审批限额</translation>
    </message>
    <message>
        <source>Change approval limit</source>
        <translation>修改审批限额</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Maximum amount (yuan)</source>
        <translation>审批限额（元）</translation>
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
    <name>BlacklistEntryDialog</name>
    <message>
        <source>Add to the notice list</source>
        <translation>列入违约名单</translation>
    </message>
    <message>
        <source>Applications naming this person as borrower, spouse, guarantor or group member are stopped at intake with the reason below. A person already on the list is listed again with this reason.</source>
        <translation>此人作为借款人、配偶、保证人或联保成员的申请，将在受理时被拦下并显示以下原因。已在名单中的人将按本次原因重新列入。</translation>
    </message>
    <message>
        <source>As on the ID card</source>
        <translation>与身份证一致</translation>
    </message>
    <message>
        <source>18 digits; x is read as X</source>
        <translation>18位；小写 x 按 X 处理</translation>
    </message>
    <message>
        <source>e.g. loan more than 90 days overdue, not repaid</source>
        <translation>例如：贷款逾期超过90天未还</translation>
    </message>
    <message>
        <source>Optional: the notice it comes from</source>
        <translation>选填：出自哪一期通报</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Reason for listing</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>列入名单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>Enter why the person is listed.</source>
        <translation>请填写列入原因。</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the fields in red.</source>
        <translation>未保存：请修改标红的内容。</translation>
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
        <source>Add entry…</source>
        <translation>列入名单…</translation>
    </message>
    <message>
        <source>Lift…</source>
        <translation>移出名单…</translation>
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
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>{0} ({1}) is on the list.</source>
        <translation>已将 {0}（{1}）列入名单。</translation>
    </message>
    <message>
        <source>{0} ({1}) was lifted from the list.</source>
        <translation>已将 {0}（{1}）移出名单。</translation>
    </message>
    <message>
        <source>Someone else changed this entry meanwhile. The list is reloaded; check it and lift again if still needed.</source>
        <translation>这条记录刚被其他人修改过。名单已重新读取，请核对后如仍需要再移出。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
    <message>
        <source>Not lifted</source>
        <translation>未能移出</translation>
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
    <name>ChecklistItemDialog</name>
    <message>
        <source>Add checklist item</source>
        <translation>新增清单项目</translation>
    </message>
    <message>
        <source>Edit checklist item</source>
        <translation>修改清单项目</translation>
    </message>
    <message>
        <source>Must be ticked before the signing is complete</source>
        <translation>完成面签前必须勾选确认</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>必选</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Appears</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Please enter the item&apos;s code</source>
        <translation>请填写项目代码</translation>
    </message>
    <message>
        <source>Please enter the item&apos;s text</source>
        <translation>请填写项目内容</translation>
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
    <name>Classification</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Special mention</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Substandard</source>
        <translation>次级</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>ClassificationDecisionDialog</name>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Current category</source>
        <translation>当前分类</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Put the borrower on the default notice list</source>
        <translation>列入违约信息通报名单</translation>
    </message>
    <message>
        <source>Reason for the list</source>
        <translation>列入名单原因</translation>
    </message>
    <message>
        <source>Leave empty to use the reason above</source>
        <translation>不填则使用上面的理由</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>五级分类</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Classify loan {0}</source>
        <translation>五级分类认定 {0}</translation>
    </message>
    <message>
        <source>Loan {0}  {1}</source>
        <translation>贷款 {0}  {1}</translation>
    </message>
    <message>
        <source>{0} yuan</source>
        <translation>{0} 元</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>Suggested from days past due: {0}</source>
        <translation>按逾期天数，系统建议：{0}</translation>
    </message>
    <message>
        <source>An overdue loan is at least special mention.</source>
        <translation>逾期贷款至少应分为“关注”类。</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>改判</translation>
    </message>
    <message>
        <source>The borrower&apos;s applications are then refused at intake.</source>
        <translation>列入后，该借款人的贷款申请在受理时即被拦截。</translation>
    </message>
    <message>
        <source>Only for loans classified substandard, doubtful or loss.</source>
        <translation>仅次级、可疑、损失类贷款的借款人可以列入。</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <source>Required: you override the suggested category {0}.</source>
        <translation>必填：您改变了系统建议的“{0}”。</translation>
    </message>
    <message>
        <source>Required to put the borrower on the notice list.</source>
        <translation>必填：列入违约信息通报名单须写明理由。</translation>
    </message>
    <message>
        <source>Optional: you confirm the suggested category {0}.</source>
        <translation>选填：您确认系统建议的“{0}”。</translation>
    </message>
    <message>
        <source>Please give the reason: you chose {0}, the suggestion is {1}.</source>
        <translation>请填写理由：系统建议为“{1}”，您认定为“{0}”。</translation>
    </message>
    <message>
        <source>Please give the reason for putting the borrower on the notice list.</source>
        <translation>请填写将借款人列入违约信息通报名单的理由。</translation>
    </message>
</context>
<context>
    <name>ClassificationView</name>
    <message>
        <source>Contract number</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Outstanding (yuan)</source>
        <translation>贷款余额（元）</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <source>Current category</source>
        <translation>当前分类</translation>
    </message>
    <message>
        <source>Loan classification</source>
        <translation>五级分类认定</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loans whose category waits for your decision, worst first. Confirm the category suggested from days past due, or override it with a reason. For substandard, doubtful and loss you may also put the borrower on the default notice list.</source>
        <translation>待认定五级分类的贷款，风险最高的在前。请确认按逾期天数建议的分类，或写明理由后改判；次级、可疑、损失类贷款可同时将借款人列入违约信息通报名单。</translation>
    </message>
    <message>
        <source>Classify…</source>
        <translation>认定…</translation>
    </message>
    <message>
        <source>Loading the classification queue…</source>
        <translation>正在读取待认定的贷款…</translation>
    </message>
    <message>
        <source>{0} loans waiting for a decision</source>
        <translation>{0} 笔贷款待认定</translation>
    </message>
    <message>
        <source>Nothing to classify: every category is confirmed.</source>
        <translation>没有待认定的贷款，五级分类均已确认。</translation>
    </message>
    <message>
        <source>Select a loan in the queue first.</source>
        <translation>请先在列表中选择一笔贷款。</translation>
    </message>
    <message>
        <source>Saving the classification…</source>
        <translation>正在保存五级分类认定…</translation>
    </message>
    <message>
        <source>{0}: classified {1}.</source>
        <translation>贷款 {0} 已认定为“{1}”。</translation>
    </message>
    <message>
        <source>{0} is on the default notice list.</source>
        <translation>借款人 {0} 已列入违约信息通报名单。</translation>
    </message>
    <message>
        <source>Loan {0} is no longer waiting for a classification: someone else has just decided on it, or its position changed. The queue is reloaded.</source>
        <translation>贷款 {0} 已不在待认定列表中：可能其他主管刚刚作出了认定，或贷款状况已有变化。列表已刷新。</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>已有变化</translation>
    </message>
    <message>
        <source>Loading the loan…</source>
        <translation>正在读取贷款…</translation>
    </message>
</context>
<context>
    <name>ComplianceSignoffView</name>
    <message>
        <source>Choose an application in the queue to review it.</source>
        <translation>请在左侧列表中选择要审阅的申请。</translation>
    </message>
    <message>
        <source>Compliance sign-off</source>
        <translation>合规确认</translation>
    </message>
    <message>
        <source>Signed applications, oldest first.</source>
        <translation>已完成面签的申请，等待最久的在前。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Applied for</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>信贷人员</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Staff present</source>
        <translation>面签在场人员</translation>
    </message>
    <message>
        <source>Checklist and evidence</source>
        <translation>面签清单及证据</translation>
    </message>
    <message>
        <source>Analysis summary</source>
        <translation>分析摘要</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>确认意见</translation>
    </message>
    <message>
        <source>Optional, e.g. process compliant</source>
        <translation>选填，如：面签过程合规</translation>
    </message>
    <message>
        <source>Confirm compliance…</source>
        <translation>确认合规…</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>正在读取待确认列表…</translation>
    </message>
    <message>
        <source>{0} waiting</source>
        <translation>共 {0} 笔待确认</translation>
    </message>
    <message>
        <source>Loading the application…</source>
        <translation>正在读取申请…</translation>
    </message>
    <message>
        <source>Waiting {0} of {1} · {2}</source>
        <translation>已等待 {0}（时限 {1}）· {2}</translation>
    </message>
    <message>
        <source>{0} yuan · {1} months · {2}</source>
        <translation>{0} 元 · {1} 个月 · {2}</translation>
    </message>
    <message>
        <source>{0} yuan, risk grade {1}</source>
        <translation>{0} 元，风险等级 {1}</translation>
    </message>
    <message>
        <source>{0} ({1}) at {2}</source>
        <translation>{0}（{1}）于 {2}</translation>
    </message>
    <message>
        <source>{0} and {1}, signed {2}</source>
        <translation>{0}、{1}，面签于 {2}</translation>
    </message>
    <message>
        <source>No readable analysis sheet on file.</source>
        <translation>没有可读取的分析表。</translation>
    </message>
    <message>
        <source>Earlier sign-off by {0} at {1}, voided: {2}</source>
        <translation>{0} 于 {1} 的合规确认已作废：{2}</translation>
    </message>
    <message>
        <source>Confirm compliance</source>
        <translation>确认合规</translation>
    </message>
    <message>
        <source>You confirm that the signing of {0} for {1} was compliant and the loan may be disbursed. Enter your password again.</source>
        <translation>您将确认 {1} 的申请 {0} 面签过程合规、可以放款。请再次输入您的密码。</translation>
    </message>
    <message>
        <source>Signing off…</source>
        <translation>正在进行合规确认…</translation>
    </message>
    <message>
        <source>{0} is signed off. The teller may now disburse the loan.</source>
        <translation>申请 {0} 已完成合规确认，柜员可以办理放款。</translation>
    </message>
    <message>
        <source>The content was changed after you reviewed it. Please review it again.</source>
        <translation>内容在您审阅后已被修改，请重新审阅。</translation>
    </message>
    <message>
        <source>Changed since you reviewed it</source>
        <translation>审阅后内容有变</translation>
    </message>
    <message>
        <source>Another supervisor has already signed off {0} (or it was just changed by someone else). The queue is reloaded.</source>
        <translation>另一位主管已确认申请 {0}（或申请刚被他人处理），列表已刷新。</translation>
    </message>
    <message>
        <source>Already signed off</source>
        <translation>已被确认</translation>
    </message>
    <message>
        <source>Four-eyes rule</source>
        <translation>四眼原则</translation>
    </message>
    <message>
        <source>The password was not accepted; nothing was signed off.
{0}</source>
        <translation>密码未通过验证，未进行合规确认。
{0}</translation>
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
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
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
    <name>DailyRunDialog</name>
    <message>
        <source>Daily run</source>
        <translation>日终处理</translation>
    </message>
    <message>
        <source>For the chosen day, every active loan&apos;s days past due, overdue amounts, penalty and compound interest are recorded, the register and the classification suggestions are brought up to date and follow-up tasks are created. Running it again for the same day changes nothing.</source>
        <translation>按所选日期逐笔记录在贷贷款的逾期天数、逾期金额、罚息和复利，更新贷款台账和五级分类建议，并生成贷后任务。同一日期重复执行不会重复记录。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Escalate to head office</source>
        <translation>上报总行审批</translation>
    </message>
    <message>
        <source>Return for more information</source>
        <translation>退回补充资料</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Why escalate</source>
        <translation>上报说明</translation>
    </message>
    <message>
        <source>What is missing (required)</source>
        <translation>退回原因（需补充的内容，必填）</translation>
    </message>
    <message>
        <source>Reason for rejection (required)</source>
        <translation>否决原因（必填）</translation>
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
        <source>Decision on {0}</source>
        <translation>审批决定：{0}</translation>
    </message>
    <message>
        <source>Approved amount (yuan)</source>
        <translation>批准金额（元）</translation>
    </message>
    <message>
        <source>Risk grade</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount applied for</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} 个月</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Your authority</source>
        <translation>您的审批权限</translation>
    </message>
    <message>
        <source>No approval limit set for this product</source>
        <translation>本产品未设置您的审批限额</translation>
    </message>
    <message>
        <source>Up to {0} yuan</source>
        <translation>{0} 元以内</translation>
    </message>
    <message>
        <source>You cannot decide on this application in its state.</source>
        <translation>该申请当前状态下您不能作出审批决定。</translation>
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
        <source>Approved amount</source>
        <translation>批准金额</translation>
    </message>
    <message>
        <source>Above your authority: escalate to head office instead.</source>
        <translation>超出您的审批权限，请改为上报总行审批。</translation>
    </message>
    <message>
        <source>Please give the reason: the officer sees it.</source>
        <translation>请填写原因，客户经理将据此办理。</translation>
    </message>
    <message>
        <source>The approved amount cannot be more than the {0} yuan applied for.</source>
        <translation>批准金额不能超过申请金额 {0} 元。</translation>
    </message>
    <message>
        <source>{0} yuan ({1})</source>
        <translation>{0} 元（{1}）</translation>
    </message>
    <message>
        <source>Loading the application…</source>
        <translation>正在读取申请…</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存审批决定…</translation>
    </message>
    <message>
        <source>Someone else changed or decided this application meanwhile. The list is reloaded; please open it again.
{0}</source>
        <translation>该申请已被其他人修改或处理，列表已刷新，请重新打开。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
</context>
<context>
    <name>DisbursementView</name>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Time status</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期数</translation>
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
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Choose an application to disburse.</source>
        <translation>请在左侧列表中选择要放款的申请。</translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Signed off by the supervisor, oldest first.</source>
        <translation>主管已合规确认，等待最久的在前。</translation>
    </message>
    <message>
        <source>Disburse…</source>
        <translation>放款…</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款</translation>
    </message>
    <message>
        <source>The borrower&apos;s account, 8 to 32 digits</source>
        <translation>借款人账号，8 至 32 位数字</translation>
    </message>
    <message>
        <source>Principal per month, separated by spaces or commas</source>
        <translation>每期应还本金，用空格或逗号分隔</translation>
    </message>
    <message>
        <source>Principal plan</source>
        <translation>还本计划</translation>
    </message>
    <message>
        <source>Disbursement date</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Repayment account</source>
        <translation>还款账号</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Own payment (into the borrower&apos;s account)</source>
        <translation>自主支付（放入借款人账户）</translation>
    </message>
    <message>
        <source>Entrusted payment (to a named counterparty)</source>
        <translation>受托支付（支付给指定收款人）</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>收款人名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>收款账号</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Amount paid (yuan)</source>
        <translation>受托支付金额（元）</translation>
    </message>
    <message>
        <source>Loan disbursed</source>
        <translation>贷款已发放</translation>
    </message>
    <message>
        <source>Next disbursement</source>
        <translation>办理下一笔</translation>
    </message>
    <message>
        <source>Loading what is ready to disburse…</source>
        <translation>正在读取待放款列表…</translation>
    </message>
    <message>
        <source>Loading the application…</source>
        <translation>正在读取申请…</translation>
    </message>
    <message>
        <source>{0} · applied for {1} yuan · {2} months · {3} · officer {4}
Signed off by {5} at {6}. The amount may not exceed the approved amount.</source>
        <translation>{0} · 申请金额 {1} 元 · {2} 个月 · {3} · 客户经理 {4}
{5} 于 {6} 完成合规确认。放款金额不得超过批准金额。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>放款金额</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Disbursing…</source>
        <translation>正在放款…</translation>
    </message>
    <message>
        <source>entrusted payment to {0}</source>
        <translation>受托支付给{0}</translation>
    </message>
    <message>
        <source>own payment</source>
        <translation>自主支付</translation>
    </message>
    <message>
        <source>Disburse {0} yuan ({1}) to {2} for {3}, {4}?</source>
        <translation>确认向 {2} 发放 {0} 元（{1}），申请 {3}，{4}？</translation>
    </message>
    <message>
        <source>Loan (contract) number: {0}</source>
        <translation>借款合同编号：{0}</translation>
    </message>
    <message>
        <source>{0} · {1} yuan at {2}% a year ({3}) · {4} months from {5} to {6} · {7}</source>
        <translation>{0} · {1} 元，年利率 {2}%（{3}）· {4} 个月，{5} 至 {6} · {7}</translation>
    </message>
    <message>
        <source>Disbursement is for tellers.</source>
        <translation>放款仅供柜员办理。</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>e.g. XW20261128-0001 or JK20261128-0001</source>
        <translation>如 XW20261128-0001 或 JK20261128-0001</translation>
    </message>
    <message>
        <source>Generate and preview…</source>
        <translation>生成并预览…</translation>
    </message>
    <message>
        <source>Application or contract number</source>
        <translation>申请编号或借款合同编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>As of (notices)</source>
        <translation>基准日（通知书）</translation>
    </message>
    <message>
        <source>Every document is filled from the records on file and registered with its own number and verification code. Printing the same content again gives the same number and code. Each printing or saved copy is recorded.</source>
        <translation>文书按系统现有记录生成，并登记文书编号和验证码；内容相同的文书再次打印时编号和验证码不变。每次打印或另存都会登记打印记录。</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>打印文件</translation>
    </message>
    <message>
        <source>Type an application or contract number first.</source>
        <translation>请先输入申请编号或借款合同编号。</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
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
    <name>FollowUp</name>
    <message>
        <source>Use-of-funds check</source>
        <translation>贷款用途检查</translation>
    </message>
    <message>
        <source>Periodic revisit</source>
        <translation>定期回访</translation>
    </message>
    <message>
        <source>Collection call</source>
        <translation>逾期催收</translation>
    </message>
    <message>
        <source>e.g. visited the shop: the goods bought match the stated purpose</source>
        <translation>例如：实地查看店铺，购入货物与借款用途相符</translation>
    </message>
    <message>
        <source>e.g. business running normally, stock and sales as at the analysis</source>
        <translation>例如：经营正常，存货和销售与调查时相符</translation>
    </message>
    <message>
        <source>e.g. phoned the borrower: promises to pay by the end of the month</source>
        <translation>例如：电话联系借款人，承诺月底前还款</translation>
    </message>
    <message>
        <source>{0} days late</source>
        <translation>逾期 {0} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due in {0} days</source>
        <translation>{0} 天后到期</translation>
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
    <name>HolidayDialog</name>
    <message>
        <source>Add holidays</source>
        <translation>新增节假日</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日</translation>
    </message>
    <message>
        <source>Weekdays the branch is closed. Weekends in between are left out: they never count as working days.</source>
        <translation>网点不营业的工作日。期间的周六、周日不必列入：周末本来就不计为工作日。</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>截止日早于起始日。</translation>
    </message>
    <message>
        <source>Only weekend days chosen: they are never working days.</source>
        <translation>所选日期均为周末，周末本来就不计为工作日。</translation>
    </message>
    <message>
        <source>These days are holidays already.</source>
        <translation>所选日期已是节假日。</translation>
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
    <name>LiftEntryDialog</name>
    <message>
        <source>Lift from the notice list</source>
        <translation>移出违约名单</translation>
    </message>
    <message>
        <source>Take {0} ({1}) off the list. Listed for: {2}</source>
        <translation>将 {0}（{1}）移出名单。列入原因：{2}</translation>
    </message>
    <message>
        <source>e.g. debt repaid in full, notice withdrawn</source>
        <translation>例如：欠款已全部结清、通报已撤销</translation>
    </message>
    <message>
        <source>Reason for lifting</source>
        <translation>移出原因</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter why the person comes off the list.</source>
        <translation>请填写移出名单的原因。</translation>
    </message>
</context>
<context>
    <name>LoanClassifier</name>
    <message>
        <source>Saving the classification…</source>
        <translation>正在保存五级分类认定…</translation>
    </message>
</context>
<context>
    <name>LoanDetailDialog</name>
    <message>
        <source>Loan {0}</source>
        <translation>贷款 {0}</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>贷后任务</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>五级分类</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Post a payment…</source>
        <translation>还款入账…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲正…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>核销…</translation>
    </message>
    <message>
        <source>Classify…</source>
        <translation>五级分类认定…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Loading the loan…</source>
        <translation>正在读取贷款…</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>年利率</translation>
    </message>
    <message>
        <source>Disbursed / matures</source>
        <translation>放款日 / 到期日</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下期应还</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应还</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应还日期</translation>
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
        <source>Instalment</source>
        <translation>每期应还</translation>
    </message>
    <message>
        <source>Principal paid</source>
        <translation>已还本金</translation>
    </message>
    <message>
        <source>Interest paid</source>
        <translation>已还利息</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲正</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>回单号</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>还款渠道</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>经办柜员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>认定时间</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>By</source>
        <translation>认定人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Posting the payment…</source>
        <translation>正在还款入账…</translation>
    </message>
    <message>
        <source>Payment {0} of {1} yuan posted.</source>
        <translation>回单 {0}，金额 {1} 元，已入账。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s approval</source>
        <translation>业务主管审批</translation>
    </message>
    <message>
        <source>{0}, enter your password to approve the reversal.</source>
        <translation>请 {0} 输入密码以审批本次冲正。</translation>
    </message>
    <message>
        <source>There is no payment to reverse.</source>
        <translation>没有可冲正的还款。</translation>
    </message>
    <message>
        <source>Reversing the payment…</source>
        <translation>正在冲正…</translation>
    </message>
    <message>
        <source>Payment {0} reversed.</source>
        <translation>回单 {0} 的还款已冲正。</translation>
    </message>
    <message>
        <source>Writing off the loan…</source>
        <translation>正在核销…</translation>
    </message>
    <message>
        <source>Loan {0} written off: {1} yuan (principal {2}, interest {3}), approved by {4}. It stays in the register.</source>
        <translation>贷款 {0} 已核销：核销金额 {1} 元（本金 {2} 元，利息 {3} 元），审批人 {4}。账销案存，贷款仍保留在台账中。</translation>
    </message>
</context>
<context>
    <name>LoanDocumentsTab</name>
    <message>
        <source>Generate and preview…</source>
        <translation>生成并预览…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>As of (notices)</source>
        <translation>基准日（通知书）</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>送达对象</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基准日</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>出具人</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
</context>
<context>
    <name>LoanRegisterView</name>
    <message>
        <source>Contract number</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下期应还</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Contract number, borrower&apos;s name or officer</source>
        <translation>借款合同编号、借款人姓名或客户经理</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue or not</source>
        <translation>逾期与否</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>Not overdue</source>
        <translation>未逾期</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Daily run…</source>
        <translation>日终处理…</translation>
    </message>
    <message>
        <source>Loan register</source>
        <translation>贷款台账</translation>
    </message>
    <message>
        <source>Daily run for {0}…</source>
        <translation>正在进行 {0} 的日终处理…</translation>
    </message>
    <message>
        <source>Daily run</source>
        <translation>日终处理</translation>
    </message>
    <message>
        <source>Showing the first {0} loans: narrow the search.</source>
        <translation>仅显示前 {0} 笔贷款，请缩小查询范围。</translation>
    </message>
    <message>
        <source>{0} loans found.</source>
        <translation>共找到 {0} 笔贷款。</translation>
    </message>
    <message>
        <source>{0} loans shown; scroll down for more.</source>
        <translation>已显示 {0} 笔贷款，向下滚动查看更多。</translation>
    </message>
    <message>
        <source>Select a loan in the list first.</source>
        <translation>请先在列表中选择一笔贷款。</translation>
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
    <message>
        <source>Disbursement</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>面签</translation>
    </message>
    <message>
        <source>Compliance sign-off</source>
        <translation>合规确认</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>打印文件</translation>
    </message>
    <message>
        <source>Batch notices</source>
        <translation>批量通知</translation>
    </message>
    <message>
        <source>Verify document</source>
        <translation>核验文件</translation>
    </message>
    <message>
        <source>Loan register</source>
        <translation>贷款台账</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Workflow settings</source>
        <translation>审批与面签设置</translation>
    </message>
    <message>
        <source>Loan classification</source>
        <translation>五级分类认定</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <source>Repayment reminders</source>
        <translation>还款提醒通知书</translation>
    </message>
    <message>
        <source>Overdue collection notices</source>
        <translation>逾期催收通知书</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内到期</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>基准日</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Due within</source>
        <translation>到期范围</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>生成…</translation>
    </message>
    <message>
        <source>Reminders go to borrowers whose next instalment falls due within the days given; overdue notices go to the borrower and each guarantor of every loan with anything overdue on the date. All of them in one PDF, in due-date order.</source>
        <translation>还款提醒发给下一期还款在所选天数内到期的借款人；逾期催收通知书发给截至基准日有逾期款项的每笔贷款的借款人和每位保证人。全部通知书按到期日顺序生成在一个 PDF 中。</translation>
    </message>
    <message>
        <source>Batch notices</source>
        <translation>批量通知</translation>
    </message>
    <message>
        <source>Preparing notices…</source>
        <translation>正在准备通知书…</translation>
    </message>
    <message>
        <source>No notices to print for these choices.</source>
        <translation>按所选条件没有需要打印的通知书。</translation>
    </message>
    <message>
        <source>{0} notices ready, numbered {1} to {2}.</source>
        <translation>已生成 {0} 份通知书，编号 {1} 至 {2}。</translation>
    </message>
    <message>
        <source>Cancelled: no PDF was made.</source>
        <translation>已取消，未生成 PDF。</translation>
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
    <name>PagedList</name>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
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
    <name>PaperPrinter</name>
    <message>
        <source>Generating {0}…</source>
        <translation>正在生成{0}…</translation>
    </message>
    <message>
        <source>Generated {0}.</source>
        <translation>已生成 {0}。</translation>
    </message>
</context>
<context>
    <name>Paperwork</name>
    <message>
        <source>Loan contract</source>
        <translation>借款合同</translation>
    </message>
    <message>
        <source>Guarantee contract</source>
        <translation>保证合同</translation>
    </message>
    <message>
        <source>Repayment schedule</source>
        <translation>还款计划表</translation>
    </message>
    <message>
        <source>Repayment reminder</source>
        <translation>还款提醒通知书</translation>
    </message>
    <message>
        <source>Overdue collection notice</source>
        <translation>逾期催收通知书</translation>
    </message>
    <message>
        <source>Checklist and sign-off record</source>
        <translation>面签核查及合规确认记录</translation>
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
    <name>PaymentEntryDialog</name>
    <message>
        <source>Post a payment</source>
        <translation>还款入账</translation>
    </message>
    <message>
        <source>Loan {0}</source>
        <translation>贷款 {0}</translation>
    </message>
    <message>
        <source>e.g. 8,530.99</source>
        <translation>例如 8,530.99</translation>
    </message>
    <message>
        <source>Due today: {0} yuan</source>
        <translation>今日应还 {0} 元</translation>
    </message>
    <message>
        <source>The number on the bank&apos;s slip</source>
        <translation>银行回单上的编号</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>还款金额（元）</translation>
    </message>
    <message>
        <source>Kind of payment</source>
        <translation>还款类型</translation>
    </message>
    <message>
        <source>The rest of the loan</source>
        <translation>提前还款方式</translation>
    </message>
    <message>
        <source>e.g. 30,000</source>
        <translation>例如 30,000</translation>
    </message>
    <message>
        <source>Principal to repay early (yuan)</source>
        <translation>提前归还本金（元）</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>还款渠道</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>回单号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>入账</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Regular payment</source>
        <translation>正常还款</translation>
    </message>
    <message>
        <source>Early partial repayment</source>
        <translation>提前部分还款</translation>
    </message>
    <message>
        <source>Full settlement</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Shorten the term</source>
        <translation>缩短期限</translation>
    </message>
    <message>
        <source>Lower the instalment</source>
        <translation>减少月供</translation>
    </message>
    <message>
        <source>Choose how the rest of the loan changes.</source>
        <translation>请选择缩短期限或减少月供。</translation>
    </message>
    <message>
        <source>Enter the principal to repay early to see the quote.</source>
        <translation>请输入提前归还的本金，即可试算。</translation>
    </message>
    <message>
        <source>No quote is available here.</source>
        <translation>此处无法试算。</translation>
    </message>
    <message>
        <source>Working out the quote…</source>
        <translation>正在试算…</translation>
    </message>
    <message>
        <source>As quoted: {0} yuan</source>
        <translation>与试算一致：{0} 元</translation>
    </message>
    <message>
        <source>Settling takes exactly {0} yuan; the amount differs.</source>
        <translation>提前结清须收取 {0} 元，录入的金额与之不符。</translation>
    </message>
    <message>
        <source>Differs from the quote ({0} yuan).</source>
        <translation>与试算金额（{0} 元）不一致。</translation>
    </message>
    <message>
        <source>Choose whether to shorten the term or lower the instalment.</source>
        <translation>请选择缩短期限还是减少月供。</translation>
    </message>
    <message>
        <source>The quote is still being worked out; post again in a moment.</source>
        <translation>正在试算，请稍候再入账。</translation>
    </message>
    <message>
        <source>Enter the receipt number.</source>
        <translation>请填写回单号。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preview: {0}</source>
        <translation>预览：{0}</translation>
    </message>
    <message>
        <source>The file {0} cannot be shown.</source>
        <translation>无法显示文件 {0}。</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Print {0}</source>
        <translation>打印 {0}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing {0}…</source>
        <translation>正在打印 {0}…</translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation>正在保存 {0}…</translation>
    </message>
    <message>
        <source>Printed on {0}; the printing is recorded.</source>
        <translation>已在 {0} 打印，打印记录已登记。</translation>
    </message>
    <message>
        <source>Saved as {0}; the copy is recorded.</source>
        <translation>已另存为 {0}，已登记打印记录。</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was recorded.</source>
        <translation>已取消打印，未登记打印记录。</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>文件无法写入：{0}</translation>
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
    <name>QueuePanel</name>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
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
    <name>RepaymentQuotePanel</name>
    <message>
        <source>Quote</source>
        <translation>试算</translation>
    </message>
    <message>
        <source>Working out the quote…</source>
        <translation>正在试算…</translation>
    </message>
    <message>
        <source>Arrears and charges due now</source>
        <translation>当前应还欠款及罚息复利</translation>
    </message>
    <message>
        <source>Interest to date ({0} days)</source>
        <translation>按日计息（{0} 天）</translation>
    </message>
    <message>
        <source>Principal outstanding</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Payoff amount</source>
        <translation>结清应还金额</translation>
    </message>
    <message>
        <source>Collect exactly this amount: the loan is settled once it is posted.</source>
        <translation>请按此金额收取，入账后贷款即结清。</translation>
    </message>
    <message>
        <source>Principal repaid early</source>
        <translation>提前归还本金</translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation>合计应收</translation>
    </message>
    <message>
        <source>Next instalment</source>
        <translation>下期月供</translation>
    </message>
    <message>
        <source>Instalments left</source>
        <translation>剩余期数</translation>
    </message>
    <message>
        <source>Final due date</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Due within</source>
        <translation>到期范围</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>按客户经理</translation>
    </message>
    <message>
        <source>By marketing area</source>
        <translation>按营销片区</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>五级分类</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>近期到期</translation>
    </message>
    <message>
        <source>Officer performance</source>
        <translation>客户经理业绩</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Adding up the portfolio…</source>
        <translation>正在统计贷款组合…</translation>
    </message>
    <message>
        <source>As of {0}: {1} active loans, outstanding {2} yuan; PAR1 {3}, PAR30 {4}, PAR90 {5}; non-performing {6}</source>
        <translation>截至 {0}：在贷 {1} 笔，贷款余额 {2} 元；PAR1 {3}，PAR30 {4}，PAR90 {5}；不良贷款率 {6}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Loans disbursed</source>
        <translation>累计放款笔数</translation>
    </message>
    <message>
        <source>Amount disbursed</source>
        <translation>累计放款金额</translation>
    </message>
    <message>
        <source>Active loans</source>
        <translation>在贷笔数</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>贷款余额</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应还金额</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Milestones: {0} active loans to qualify, {1} to be mature.</source>
        <translation>里程碑：在贷 {0} 笔为合格（独立管户），{1} 笔为成熟。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Loans to next stage</source>
        <translation>距下一阶段笔数</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>The figures are still being added up.</source>
        <translation>数据仍在统计中，请稍候。</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
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
        <source>Guarantee company</source>
        <translation>担保公司</translation>
    </message>
    <message>
        <source>Its credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Amount it guarantees</source>
        <translation>担保金额（元）</translation>
    </message>
    <message>
        <source>Its full registered name</source>
        <translation>营业执照上的全称</translation>
    </message>
    <message>
        <source>18 characters, on its business licence</source>
        <translation>18位，见担保公司营业执照</translation>
    </message>
    <message>
        <source>All of the loan or part of it, e.g. 10万</source>
        <translation>全部或部分借款，如 10万</translation>
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
    <name>ReversalRequestDialog</name>
    <message>
        <source>Reverse a payment</source>
        <translation>冲正还款</translation>
    </message>
    <message>
        <source>Reverse the payment with receipt {0}. A supervisor other than the teller who posted it approves with his password.</source>
        <translation>冲正回单号 {0} 的还款，须由登记人以外的业务主管输入密码审批。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s user name</source>
        <translation>业务主管用户名</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the reason and the supervisor.</source>
        <translation>请填写冲正原因和审批的业务主管。</translation>
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
    <name>SigningView</name>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>面签事项</translation>
    </message>
    <message>
        <source>{0}: missing</source>
        <translation>{0}：缺少</translation>
    </message>
    <message>
        <source>{0}: {1} attached</source>
        <translation>{0}：已附 {1} 份</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>必办</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人及时间</translation>
    </message>
    <message>
        <source>Face-to-face signing</source>
        <translation>面签</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Bank staff present</source>
        <translation>面签在场人员</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Start signing</source>
        <translation>开始面签</translation>
    </message>
    <message>
        <source>Save staff present</source>
        <translation>保存在场人员</translation>
    </message>
    <message>
        <source>Two different officers; neither may sign it off.</source>
        <translation>须为两名不同的信贷人员，二人均不得进行合规确认。</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>当前事项</translation>
    </message>
    <message>
        <source>Note (what was checked, anything unusual)</source>
        <translation>备注（核对了什么、有无异常）</translation>
    </message>
    <message>
        <source>Confirm item</source>
        <translation>确认本项</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>取消确认…</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>上传文件…</translation>
    </message>
    <message>
        <source>Recording no. and segment, e.g. REC-01 03:10-05:42</source>
        <translation>录音录像编号及片段，如 REC-01 03:10-05:42</translation>
    </message>
    <message>
        <source>Add recording</source>
        <translation>登记录音录像</translation>
    </message>
    <message>
        <source>Complete signing</source>
        <translation>完成面签</translation>
    </message>
    <message>
        <source>Loading your applications…</source>
        <translation>正在读取您的申请…</translation>
    </message>
    <message>
        <source>Loading the checklist…</source>
        <translation>正在读取面签清单…</translation>
    </message>
    <message>
        <source>Choose an application</source>
        <translation>请选择申请</translation>
    </message>
    <message>
        <source>Choose an application approved for signing.</source>
        <translation>请选择已批准待面签的申请。</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} · {3} yuan · {4} months · officers {5} · state: {6}</source>
        <translation>{0} · {1} · {2} · {3} 元 · {4} 个月 · 信贷人员 {5} · 状态：{6}</translation>
    </message>
    <message>
        <source>Start the signing to see its checklist.</source>
        <translation>开始面签后显示面签清单。</translation>
    </message>
    <message>
        <source>Mandatory items done: {0} of {1}</source>
        <translation>必办事项已完成 {0} / {1}</translation>
    </message>
    <message>
        <source>No item selected.</source>
        <translation>未选择事项。</translation>
    </message>
    <message>
        <source>Confirmed by {0} at {1}</source>
        <translation>已由 {0} 于 {1} 确认</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>Evidence needed: {0}</source>
        <translation>所需证据：{0}</translation>
    </message>
    <message>
        <source>Starting the signing…</source>
        <translation>正在开始面签…</translation>
    </message>
    <message>
        <source>Saving the staff present…</source>
        <translation>正在保存在场人员…</translation>
    </message>
    <message>
        <source>Name the two bank staff present.</source>
        <translation>请填写两名在场的银行工作人员。</translation>
    </message>
    <message>
        <source>The two staff present must be two different people.</source>
        <translation>两名在场人员必须是不同的人。</translation>
    </message>
    <message>
        <source>Confirming the item…</source>
        <translation>正在确认事项…</translation>
    </message>
    <message>
        <source>Taking the confirmation back…</source>
        <translation>正在取消确认…</translation>
    </message>
    <message>
        <source>Take back the confirmation</source>
        <translation>取消确认</translation>
    </message>
    <message>
        <source>Why is item {0} no longer confirmed?</source>
        <translation>第 {0} 项为什么取消确认？</translation>
    </message>
    <message>
        <source>Attach a photo or scan</source>
        <translation>上传照片或扫描件</translation>
    </message>
    <message>
        <source>Pictures and scans (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)</source>
        <translation>图片和扫描件 (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file {0} cannot be read.</source>
        <translation>无法读取文件 {0}。</translation>
    </message>
    <message>
        <source>Attaching the file…</source>
        <translation>正在上传文件…</translation>
    </message>
    <message>
        <source>Adding the recording…</source>
        <translation>正在登记录音录像…</translation>
    </message>
    <message>
        <source>Completing the signing…</source>
        <translation>正在完成面签…</translation>
    </message>
    <message>
        <source>The signing of {0} is complete. It now waits for the supervisor&apos;s sign-off.</source>
        <translation>申请 {0} 面签已完成，等待主管合规确认。</translation>
    </message>
    <message>
        <source>The signing checklist is for loan officers and assisting officers.</source>
        <translation>面签清单仅供客户经理和辅助信贷员使用。</translation>
    </message>
</context>
<context>
    <name>SignoffView</name>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Time status</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>必办</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>面签事项</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人及时间</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Opinion or reason</source>
        <translation>意见或原因</translation>
    </message>
    <message>
        <source>The compliance sign-off is for supervisors.</source>
        <translation>合规确认仅供业务主管使用。</translation>
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
    <name>TaskCompleteDialog</name>
    <message>
        <source>Complete a follow-up task</source>
        <translation>完成贷后任务</translation>
    </message>
    <message>
        <source>{0}: loan {1}  {2}</source>
        <translation>{0}：贷款 {1}  {2}</translation>
    </message>
    <message>
        <source>Due {0} · {1}</source>
        <translation>到期日 {0} · {1}</translation>
    </message>
    <message>
        <source>Archive number of the photos, slip number or call record</source>
        <translation>照片档案号、单据编号或通话记录</translation>
    </message>
    <message>
        <source>What you found (required)</source>
        <translation>处理情况（必填）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Evidence (required)</source>
        <translation>证明材料（必填）</translation>
    </message>
    <message>
        <source>A {0} needs evidence: a reference, a file of up to {1} MB, or both.</source>
        <translation>{0}须提供证明材料：填写编号、选择不超过 {1} MB 的文件，或两者都提供。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Optional for a collection call: a file of up to {0} MB.</source>
        <translation>选填：逾期催收写明处理情况即可；如附文件，不超过 {0} MB。</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <source>Pictures, scans and records (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;All files (*)</source>
        <translation>图片、扫描件和记录 (*.jpg *.jpeg *.png *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Please write what you found or agreed.</source>
        <translation>请填写处理情况：查看到的情况或与借款人的约定。</translation>
    </message>
    <message>
        <source>Please give a reference or choose a file: a {0} needs evidence.</source>
        <translation>请填写证明材料编号或选择文件：{0}须提供证明材料。</translation>
    </message>
</context>
<context>
    <name>TimeLimitDialog</name>
    <message>
        <source>Change time limit</source>
        <translation>修改办理时效</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>No figures yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Outstanding (10,000 yuan)</source>
        <translation>贷款余额（万元）</translation>
    </message>
    <message>
        <source>PAR30 (%)</source>
        <translation>PAR30（%）</translation>
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
<context>
    <name>VerifyView</name>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>文书对象</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Loan contract</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Type the code printed at the foot of each page, beside the QR code. The check fills the document again from the records as they are now: a document that matches says what the bank&apos;s records say.</source>
        <translation>请输入每页页脚二维码旁的验证码。核验时按系统现有记录重新生成该文书：相符即说明手中的文件与本行记录一致。</translation>
    </message>
    <message>
        <source>Verify document</source>
        <translation>核验文件</translation>
    </message>
    <message>
        <source>Type the verification code first.</source>
        <translation>请先输入验证码。</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Matches the records</source>
        <translation>与系统记录相符</translation>
    </message>
    <message>
        <source>Does not match the records</source>
        <translation>与系统记录不符</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到该文书</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}，{1} 出具</translation>
    </message>
    <message>
        <source>Not printed yet</source>
        <translation>尚未打印</translation>
    </message>
    <message>
        <source>{0} times; last {1} by {2} ({3})</source>
        <translation>共 {0} 次；最近一次 {1}，{2}（{3}）</translation>
    </message>
</context>
<context>
    <name>WorkView</name>
    <message>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Time status</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>No authority set: escalate</source>
        <translation>无审批权限，需上报</translation>
    </message>
    <message>
        <source>Within your authority</source>
        <translation>在审批权限内</translation>
    </message>
    <message>
        <source>Above your limit ({0})</source>
        <translation>超出权限（{0}）</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>审批权限</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>待办环节</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>借款合同编号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>My applications</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Returned, approved (to sign), in signing and drafts. Double-click to open the form or the signing checklist.</source>
        <translation>退回补充、已批准待面签、面签中和草稿。双击打开申请表或面签清单。</translation>
    </message>
    <message>
        <source>My follow-up tasks</source>
        <translation>我的贷后任务</translation>
    </message>
    <message>
        <source>Use-of-funds checks, revisits and collection calls on your loans, by due date. Select a task and complete it with your notes and evidence.</source>
        <translation>您名下贷款的用途检查、定期回访和逾期催收，按到期日排列。选中一项任务，填写处理情况和证明材料后办结。</translation>
    </message>
    <message>
        <source>Complete task…</source>
        <translation>完成任务…</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Submitted applications, oldest first. Double-click to approve, escalate, return or reject.</source>
        <translation>已提交的申请，等待最久的在前。双击进行审批、上报、退回或否决。</translation>
    </message>
    <message>
        <source>Escalated to head office</source>
        <translation>总行待审批</translation>
    </message>
    <message>
        <source>Applications above the branch&apos;s authority, oldest first. Double-click to decide.</source>
        <translation>超出支行权限上报的申请，等待最久的在前。双击作出审批决定。</translation>
    </message>
    <message>
        <source>Waiting for the compliance sign-off</source>
        <translation>待合规确认</translation>
    </message>
    <message>
        <source>Signed applications, oldest first. Double-click to review the checklist and its evidence.</source>
        <translation>已完成面签的申请，等待最久的在前。双击审阅面签清单及证据。</translation>
    </message>
    <message>
        <source>Ready to disburse</source>
        <translation>待放款</translation>
    </message>
    <message>
        <source>Signed off by the supervisor, oldest first. Double-click to disburse.</source>
        <translation>主管已合规确认，等待最久的在前。双击办理放款。</translation>
    </message>
    <message>
        <source>Late or nearly late, by officer</source>
        <translation>超时提醒（按客户经理）</translation>
    </message>
    <message>
        <source>Every application past 75% of its time limit, most overdue first.</source>
        <translation>已用时限超过 75% 的申请，超时最多的在前。</translation>
    </message>
    <message>
        <source>Late follow-up tasks, by officer</source>
        <translation>逾期未办的贷后任务（按客户经理）</translation>
    </message>
    <message>
        <source>Follow-up tasks past their due date, each officer&apos;s oldest first. Double-click to open the loan.</source>
        <translation>已过到期日仍未办结的贷后任务，每位客户经理最早到期的在前。双击打开贷款。</translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No work lists for your roles.</source>
        <translation>您的角色没有待办列表。</translation>
    </message>
    <message>
        <source>Loading your work…</source>
        <translation>正在读取待办事项…</translation>
    </message>
    <message>
        <source>Updated at {0}</source>
        <translation>更新于 {0}</translation>
    </message>
    <message>
        <source>{0} is waiting for its officer: {1}.</source>
        <translation>申请 {0} 正等待客户经理办理：{1}。</translation>
    </message>
    <message>
        <source>The file {0} cannot be read.</source>
        <translation>无法读取文件 {0}。</translation>
    </message>
    <message>
        <source>Recording the task as done…</source>
        <translation>正在办结任务…</translation>
    </message>
    <message>
        <source>{0} of loan {1} ({2}) recorded as done.</source>
        <translation>贷款 {1}（{2}）的{0}已办结。</translation>
    </message>
    <message>
        <source>No follow-up task is late.</source>
        <translation>没有逾期未办的贷后任务。</translation>
    </message>
    <message>
        <source>{0}: {1} late</source>
        <translation>{0}：逾期 {1} 项</translation>
    </message>
    <message>
        <source>Nothing is late.</source>
        <translation>没有超时的申请。</translation>
    </message>
    <message>
        <source>{0}: {1} late, {2} nearly late</source>
        <translation>{0}：已超时 {1} 笔，即将超时 {2} 笔</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
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
        <source>Signed off by the supervisor</source>
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
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Escalate to head office</source>
        <translation>上报总行审批</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <source>Return for more information</source>
        <translation>退回补充资料</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Start signing</source>
        <translation>开始面签</translation>
    </message>
    <message>
        <source>Complete signing</source>
        <translation>完成面签</translation>
    </message>
    <message>
        <source>Compliance sign-off</source>
        <translation>合规确认</translation>
    </message>
    <message>
        <source>Void the sign-off</source>
        <translation>作废合规确认</translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Nearly late</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Approval decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>Head-office decision</source>
        <translation>总行审批决定</translation>
    </message>
    <message>
        <source>Start the signing</source>
        <translation>开始面签</translation>
    </message>
    <message>
        <source>Complete the signing</source>
        <translation>完成面签</translation>
    </message>
    <message>
        <source>Supervisor sign-off</source>
        <translation>主管合规确认</translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation>放款</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Audio/video recording</source>
        <translation>录音录像</translation>
    </message>
    <message>
        <source>None needed</source>
        <translation>无需</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0}天{1}小时</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0}小时{1}分</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0}分钟</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>{0} working days</source>
        <translation>{0} 个工作日</translation>
    </message>
    <message>
        <source>{0} ({1}%)</source>
        <translation>{0}（{1}%）</translation>
    </message>
</context>
<context>
    <name>WorkflowSettingsView</name>
    <message>
        <source>Approval and signing settings</source>
        <translation>审批与面签设置</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Signing checklist templates</source>
        <translation>面签清单模板</translation>
    </message>
    <message>
        <source>Approval authority</source>
        <translation>审批权限</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>必选</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Appears</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Maximum amount</source>
        <translation>审批限额（元）</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>A role&apos;s limit for a product replaces its limit for all products. Amounts in yuan, e.g. 50万.</source>
        <translation>某角色对具体产品设置的限额优先于其“全部产品”限额。金额单位为元，可输入如 50万。</translation>
    </message>
    <message>
        <source>Waiting in</source>
        <translation>所处环节</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Weekdays the branch is closed. Limits in working days skip them, as they skip Saturdays and Sundays.</source>
        <translation>网点不营业的工作日。按工作日计算的时效跳过这些日期，如同跳过周六、周日。</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Loading settings…</source>
        <translation>正在加载设置…</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Loading template…</source>
        <translation>正在加载模板…</translation>
    </message>
    <message>
        <source>Built-in template (not yet changed)</source>
        <translation>系统内置模板（尚未修改）</translation>
    </message>
    <message>
        <source>Saved by {0} at {1}</source>
        <translation>{0} 于 {1} 保存</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <source>Select an item in the list first.</source>
        <translation>请先在列表中选择一项。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Template saved.</source>
        <translation>模板已保存。</translation>
    </message>
    <message>
        <source>Select a limit in the list first.</source>
        <translation>请先在列表中选择一条审批限额。</translation>
    </message>
    <message>
        <source>Remove the limit of {0} for {1}?</source>
        <translation>删除{0}对“{1}”的审批限额？</translation>
    </message>
    <message>
        <source>Remove limit</source>
        <translation>删除审批限额</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Select a step in the list first.</source>
        <translation>请先在列表中选择一个环节。</translation>
    </message>
    <message>
        <source>Select a holiday in the list first.</source>
        <translation>请先在列表中选择一个节假日。</translation>
    </message>
    <message>
        <source>Remove the holiday on {0}? It counts as a working day again.</source>
        <translation>删除 {0} 这个节假日？删除后该日重新计为工作日。</translation>
    </message>
    <message>
        <source>Remove holiday</source>
        <translation>删除节假日</translation>
    </message>
    <message>
        <source>Someone else changed these settings while you were editing. They are reloaded; please make your change again.
{0}</source>
        <translation>您编辑期间其他人修改了这些设置。已重新加载，请重新修改。
{0}</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被其他人修改</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Write off a loan</source>
        <translation>贷款核销</translation>
    </message>
    <message>
        <source>Write off loan {0} of {1}, classified as loss. The loan leaves the books but stays on file: it remains in the register with all its history, and no more payments can be posted to it.</source>
        <translation>核销贷款 {0}（借款人 {1}，五级分类为损失类）。账销案存：贷款仍保留在台账中，全部历史记录保留，核销后不能再登记还款。</translation>
    </message>
    <message>
        <source>Outstanding principal</source>
        <translation>贷款本金余额</translation>
    </message>
    <message>
        <source>Unpaid interest</source>
        <translation>欠息</translation>
    </message>
    <message>
        <source>Amount written off</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <source>Penalty and compound interest, still claimed</source>
        <translation>罚息复利（继续追索）</translation>
    </message>
    <message>
        <source>As last computed on {0}; the write-off takes the figures of the day.</source>
        <translation>以上为 {0} 计算的数字，核销时按当日数字入账。</translation>
    </message>
    <message>
        <source>Why the loan cannot be recovered, and the evidence on file</source>
        <translation>无法收回的原因及存档证明材料</translation>
    </message>
    <message>
        <source>Another supervisor or an administrator</source>
        <translation>另一位业务主管或管理员的用户名</translation>
    </message>
    <message>
        <source>The approver types his password</source>
        <translation>由审批人输入本人密码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>核销原因</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Approver&apos;s password</source>
        <translation>审批人密码</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the reason, the approver and the approver&apos;s password.</source>
        <translation>请填写核销原因、审批人及审批人密码。</translation>
    </message>
</context>
</TS>
