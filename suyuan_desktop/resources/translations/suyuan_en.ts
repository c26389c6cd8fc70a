<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseListPage</name>
    <message>
        <source>搜索：当事人姓名、身份证号、电话（可输尾号）或案号</source>
        <translation>Search: party name, ID number, phone (or its last digits) or case number</translation>
    </message>
    <message>
        <source>＋ 登记新案件</source>
        <translation>+ Register a new case</translation>
    </message>
    <message>
        <source>收案日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>← 返回</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>打印文书 ▾</source>
        <translation>Print a document ▾</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>调查与调解记录</source>
        <translation>Investigations and sessions</translation>
    </message>
    <message>
        <source>无争议事实</source>
        <translation>Undisputed facts</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>履行与回访</source>
        <translation>Performance and follow-up</translation>
    </message>
    <message>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>把签字后的扫描件拖到这里，或点“添加附件”。</source>
        <translation>Drag signed scans here, or click Add attachment.</translation>
    </message>
    <message>
        <source>添加附件…</source>
        <translation>Add attachment...</translation>
    </message>
    <message>
        <source>操作记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>变更的字段</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>＋ 登记新案件</source>
        <translation>+ Register a new case</translation>
    </message>
    <message>
        <source>近期没有到期事项。</source>
        <translation>Nothing falls due soon.</translation>
    </message>
    <message>
        <source>我的在办案件</source>
        <translation>My open cases</translation>
    </message>
    <message>
        <source>期限：已逾期、今天到期、7 日内、30 日内</source>
        <translation>Deadlines: overdue, due today, within 7 days, within 30 days</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>登记新案件</source>
        <translation>Register a new case</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>纠纷名称</source>
        <translation>Dispute title</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>收案日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>Summary of the dispute</translation>
    </message>
    <message>
        <source>纠纷简要情况：时间、地点、起因、经过</source>
        <translation>Summary: when, where, how it began and what happened</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>当事人申请事项：1、……；2、……</source>
        <translation>What the applicant asks for: 1. ...; 2. ...</translation>
    </message>
    <message>
        <source>有激化风险（人民调解法第25条：采取预防措施，必要时报告公安机关）</source>
        <translation>Risk of escalation (Art. 25: take preventive measures, report to the police if necessary)</translation>
    </message>
    <message>
        <source>法院委派/委托信息</source>
        <translation>Court assignment / entrustment</translation>
    </message>
    <message>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>函件编号</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>材料签收日期</source>
        <translation>Date materials received</translation>
    </message>
    <message>
        <source>审理程序（委托）</source>
        <translation>Procedure (entrusted)</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>＋ 添加当事人</source>
        <translation>+ Add a party</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 - 诉源调解工作站</source>
        <translation>Sign in - Suyuan Mediation Station</translation>
    </message>
    <message>
        <source>调解工作站</source>
        <translation>Mediation station</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>请输入登录名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>删除此当事人</source>
        <translation>Remove this party</translation>
    </message>
    <message>
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>职业或职务</source>
        <translation>Occupation or position</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>本站信息</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>调委会代码</source>
        <translation>Committee code</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>调解委员会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <source>案号简称</source>
        <translation>Case number short name</translation>
    </message>
    <message>
        <source>案号模板</source>
        <translation>Case number template</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>保存站点信息</source>
        <translation>Save station details</translation>
    </message>
    <message>
        <source>区中心</source>
        <translation>District centre</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>https://区中心地址</source>
        <translation>https://district-centre-address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>区中心签发的一次性注册码（72小时内有效）</source>
        <translation>One-time enrolment code from the district centre (valid 72 hours)</translation>
    </message>
    <message>
        <source>注册到区中心</source>
        <translation>Enrol with the district centre</translation>
    </message>
    <message>
        <source>本机（只对这台电脑有效）</source>
        <translation>This computer (applies to this PC only)</translation>
    </message>
    <message>
        <source>打印机（触摸模式直接打印到此）</source>
        <translation>Printer (kiosk mode prints straight to it)</translation>
    </message>
    <message>
        <source>正文字体文件</source>
        <translation>Body font file</translation>
    </message>
    <message>
        <source>默认：AR PL UMing（随软件附带）；可选本机的仿宋、宋体 .ttf/.ttc</source>
        <translation>Default: AR PL UMing (bundled); or a FangSong / SimSun .ttf/.ttc on this computer</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <source>标题字体文件</source>
        <translation>Title font file</translation>
    </message>
    <message>
        <source>默认：文泉驿正黑（随软件附带）</source>
        <translation>Default: WenQuanYi Zen Hei (bundled)</translation>
    </message>
    <message>
        <source>触摸屏模式</source>
        <translation>Touch-screen mode</translation>
    </message>
    <message>
        <source>全屏、大按钮，空闲后自动锁定（下次启动生效）</source>
        <translation>Full screen, large buttons, locks when idle (from the next start)</translation>
    </message>
    <message>
        <source>空闲锁定</source>
        <translation>Lock when idle after</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>保存本机设置</source>
        <translation>Save computer settings</translation>
    </message>
    <message>
        <source>数据备份（仅管理员）</source>
        <translation>Backup (administrators only)</translation>
    </message>
    <message>
        <source>把整个工作站（案件、附件、审计记录）备份到一个用口令加密的文件，写完后立即校验。请存到U盘或另一台电脑，并牢记口令：换机或硬盘损坏时，用 suyuan restore 凭口令恢复。</source>
        <translation>Back up the whole station (cases, attachments, audit trail) to one passphrase-encrypted file, checked as soon as it is written. Keep it on a USB stick or another computer and remember the passphrase: after a disk failure or on a new PC, restore it with suyuan restore and the passphrase.</translation>
    </message>
    <message>
        <source>立即备份…</source>
        <translation>Back up now...</translation>
    </message>
    <message>
        <source>账号（仅管理员可管理）</source>
        <translation>Accounts (administrators only)</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password...</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>StationSetupPage</name>
    <message>
        <source>调委会代码</source>
        <translation>Committee code</translation>
    </message>
    <message>
        <source>由区中心分配，如 410703001</source>
        <translation>Assigned by the district centre, e.g. 410703001</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>如 平原镇矛盾纠纷调处中心</source>
        <translation>e.g. Pingyuan Town Dispute Mediation Centre</translation>
    </message>
    <message>
        <source>所属乡镇（街道）</source>
        <translation>Township (sub-district)</translation>
    </message>
    <message>
        <source>如 平原镇</source>
        <translation>e.g. Pingyuan Town</translation>
    </message>
    <message>
        <source>案号简称</source>
        <translation>Case number short name</translation>
    </message>
    <message>
        <source>如 平原（出现在案号中）</source>
        <translation>e.g. 平原 (appears in case numbers)</translation>
    </message>
    <message>
        <source>案号模板</source>
        <translation>Case number template</translation>
    </message>
    <message>
        <source>案号示例</source>
        <translation>Case number example</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>诉源调解工作站</source>
        <translation>Suyuan Mediation Station</translation>
    </message>
    <message>
        <source>无法创建工作站</source>
        <translation>Cannot create the station</translation>
    </message>
    <message>
        <source>无法打开工作站</source>
        <translation>Cannot open the station</translation>
    </message>
</context>
<context>
    <name>case_list</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部来源</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>全部调解员</source>
        <translation>All mediators</translation>
    </message>
    <message>
        <source>共 {n} 件</source>
        <translation>Total: {n}</translation>
    </message>
</context>
<context>
    <name>citizen</name>
    <message>
        <source>人民调解自助申请</source>
        <translation>Apply for mediation (self-service)</translation>
    </message>
    <message>
        <source>申请调解</source>
        <translation>Apply for mediation</translation>
    </message>
    <message>
        <source>查询办理进度</source>
        <translation>Check an application</translation>
    </message>
    <message>
        <source>工作人员退出</source>
        <translation>Staff: leave self-service</translation>
    </message>
    <message>
        <source>人民调解不收费。请按提示填写，有不明白的可以到窗口询问工作人员。</source>
        <translation>People&apos;s mediation is free. Follow the steps; staff at the counter will help with anything unclear.</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>我已阅读并知晓以上权利和义务</source>
        <translation>I have read these rights and duties</translation>
    </message>
    <message>
        <source>第一步：请阅读权利义务告知</source>
        <translation>Step 1: your rights and duties</translation>
    </message>
    <message>
        <source>申请人（您本人）</source>
        <translation>Applicant (you)</translation>
    </message>
    <message>
        <source>被申请人（对方）</source>
        <translation>Respondent (the other side)</translation>
    </message>
    <message>
        <source>把身份证放在读卡器上，点这里读取</source>
        <translation>Place your ID card on the reader and tap here</translation>
    </message>
    <message>
        <source>第二步：填写双方的基本情况</source>
        <translation>Step 2: about both sides</translation>
    </message>
    <message>
        <source>读卡未成功</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <source>发生了什么事？请简单说明经过。</source>
        <translation>What happened? Describe it briefly.</translation>
    </message>
    <message>
        <source>您希望怎么解决？</source>
        <translation>How would you like it resolved?</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Kind of dispute</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>What you ask for</translation>
    </message>
    <message>
        <source>第三步：说说纠纷的情况</source>
        <translation>Step 3: the dispute</translation>
    </message>
    <message>
        <source>请填写纠纷简要情况。</source>
        <translation>Please describe what happened.</translation>
    </message>
    <message>
        <source>我确认上面填写的住址和电话可以用来给我送达通知和文书</source>
        <translation>The address and phone above may be used to send me notices and documents</translation>
    </message>
    <message>
        <source>重新签名</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <source>提交申请</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>请在下面的框里签上您的名字：</source>
        <translation>Sign your name in the box below:</translation>
    </message>
    <message>
        <source>第四步：确认并签名</source>
        <translation>Step 4: confirm and sign</translation>
    </message>
    <message>
        <source>申请已提交。受理编号：{number}
请收好回执，凭回执上的二维码可以查询办理进度。</source>
        <translation>Your application is in. Reference: {number}
Keep the receipt: its QR code lets you check the application.</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print the receipt</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>提交成功</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>把回执上的二维码对准扫码器，或输入回执上的查询码</source>
        <translation>Hold the receipt&apos;s QR code to the scanner, or type its code</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>工作人员用户名</source>
        <translation>Staff user name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>退出自助申请</source>
        <translation>Leave self-service</translation>
    </message>
    <message>
        <source>只有调解员或管理员可以退出自助申请。</source>
        <translation>Only a mediator or an administrator can leave self-service.</translation>
    </message>
    <message>
        <source>您还在吗？如果没有操作，将返回首页并清除已填写的内容。</source>
        <translation>Are you still there? Without a touch, this returns to the start and clears what was typed.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>放弃未保存的内容？</source>
        <translation>Discard unsaved input?</translation>
    </message>
    <message>
        <source>“{title}”中填写的内容尚未保存，关闭后将被删除。确定关闭吗？</source>
        <translation>What you entered in &quot;{title}&quot; has not been saved and will be deleted. Close anyway?</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>不能为空，请写明。</source>
        <translation>must not be empty; please fill it in.</translation>
    </message>
    <message>
        <source>指派调解员</source>
        <translation>Assign mediators</translation>
    </message>
    <message>
        <source>主持调解员</source>
        <translation>Lead mediator</translation>
    </message>
    <message>
        <source>调解员由当事人选择或者接受，可以是一名或者数名（人民调解法第19条）；调解协议须由调解员签名。</source>
        <translation>One or more mediators, chosen or accepted by the parties (People&apos;s Mediation Law, Art. 19); the agreement must be signed by a mediator.</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>请至少选择一名调解员。</source>
        <translation>Choose at least one mediator.</translation>
    </message>
    <message>
        <source>记录调解</source>
        <translation>Record a mediation session</translation>
    </message>
    <message>
        <source>调解室</source>
        <translation>Mediation room</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>邀请参加的亲属、邻里、专业人士等（不含调解员和当事人）</source>
        <translation>Invited relatives, neighbours, experts etc. (not mediators or parties)</translation>
    </message>
    <message>
        <source>告知权利义务；各方陈述；核实调查情况；释法说理；调解方案……</source>
        <translation>Rights and duties explained; statements of each party; findings checked; the law explained; proposed settlement...</translation>
    </message>
    <message>
        <source>调解结果（达成一致的内容，或未达成的原因）</source>
        <translation>Outcome (what was agreed, or why no agreement was reached)</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>到场当事人</source>
        <translation>Parties present</translation>
    </message>
    <message>
        <source>参加人</source>
        <translation>Other participants</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>保存协议</source>
        <translation>Save agreement</translation>
    </message>
    <message>
        <source>纠纷主要事实、争议事项</source>
        <translation>Main facts of the dispute and matters in dispute</translation>
    </message>
    <message>
        <source>纠纷事实</source>
        <translation>Facts of the dispute</translation>
    </message>
    <message>
        <source>协议条款</source>
        <translation>Agreement clauses</translation>
    </message>
    <message>
        <source>金额（元，可空）</source>
        <translation>Amount (yuan, optional)</translation>
    </message>
    <message>
        <source>＋ 添加条款</source>
        <translation>+ Add clause</translation>
    </message>
    <message>
        <source>删除选中条款</source>
        <translation>Remove selected clause</translation>
    </message>
    <message>
        <source>金额大写</source>
        <translation>Amount in words</translation>
    </message>
    <message>
        <source>如 一次性现金支付 / 银行转账</source>
        <translation>e.g. one-off cash payment / bank transfer</translation>
    </message>
    <message>
        <source>有履行期限</source>
        <translation>Has a performance deadline</translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation>Method of performance</translation>
    </message>
    <message>
        <source>履行地点</source>
        <translation>Place of performance</translation>
    </message>
    <message>
        <source>协议达成日期</source>
        <translation>Date agreed</translation>
    </message>
    <message>
        <source>签字盖章后登记各方签字日期，协议即生效（人民调解法第29条）；未签字时保存为草稿，可先打印。</source>
        <translation>Once signed and sealed, enter the dates the parties signed and the agreement takes effect (People&apos;s Mediation Law Art. 29); unsigned, it is saved as a draft and can be printed first.</translation>
    </message>
    <message>
        <source>各方已签字，调解员已签字，已加盖印章</source>
        <translation>All parties and the mediator have signed, and the seal is affixed</translation>
    </message>
    <message>
        <source>第{v}条：{v2}</source>
        <translation>Clause {v}: {v2}</translation>
    </message>
    <message>
        <source>第{v}条：人民币{v2}</source>
        <translation>Clause {v}: RMB {v2}</translation>
    </message>
    <message>
        <source>合计：人民币{total:,.2f}元（人民币{v}）</source>
        <translation>Total: RMB {total:,.2f} yuan (RMB {v})</translation>
    </message>
    <message>
        <source>（条款没有金额）</source>
        <translation>(no amounts in the clauses)</translation>
    </message>
    <message>
        <source>登记口头协议</source>
        <translation>Register an oral agreement</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>Summary of the dispute</translation>
    </message>
    <message>
        <source>口头协议内容</source>
        <translation>Content of the oral agreement</translation>
    </message>
    <message>
        <source>涉及金额（元，可空）</source>
        <translation>Amount involved (yuan, optional)</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>履行方式、时限</source>
        <translation>Method and time of performance</translation>
    </message>
    <message>
        <source>达成日期</source>
        <translation>Date agreed</translation>
    </message>
    <message>
        <source>口头协议自达成之日起生效（人民调解法第30条）。</source>
        <translation>An oral agreement takes effect on the day it is reached (People&apos;s Mediation Law Art. 30).</translation>
    </message>
    <message>
        <source>记载无争议事实</source>
        <translation>Record undisputed facts</translation>
    </message>
    <message>
        <source>纠纷情况及各方主张</source>
        <translation>The dispute and each party&apos;s position</translation>
    </message>
    <message>
        <source>纠纷及各方主张</source>
        <translation>Dispute and positions</translation>
    </message>
    <message>
        <source>不予记载：涉及国家利益、社会公共利益、案外人合法权益的事实，以及婚姻、亲子、收养等身份关系的事实。</source>
        <translation>Not recorded: facts touching state or public interests or the lawful rights of outsiders, and facts of personal status such as marriage, parentage or adoption.</translation>
    </message>
    <message>
        <source>事实（每项一个事实）</source>
        <translation>Facts (one fact per item)</translation>
    </message>
    <message>
        <source>{name}确认</source>
        <translation>Confirmed by {name}</translation>
    </message>
    <message>
        <source>无争议事实</source>
        <translation>Undisputed facts</translation>
    </message>
    <message>
        <source>＋ 添加一项事实</source>
        <translation>+ Add a fact</translation>
    </message>
    <message>
        <source>仍有争议的事项（争议焦点）</source>
        <translation>Matters still in dispute (points of contention)</translation>
    </message>
    <message>
        <source>调解不成的原因</source>
        <translation>Why mediation failed</translation>
    </message>
    <message>
        <source>各方当事人同意记载，并已告知其后续程序中无需另行举证及除外情形</source>
        <translation>All parties agree to the record and were told that these facts need no further proof in later proceedings, and of the exceptions</translation>
    </message>
    <message>
        <source>争议焦点</source>
        <translation>Points of contention</translation>
    </message>
    <message>
        <source>调解不成原因</source>
        <translation>Why mediation failed</translation>
    </message>
    <message>
        <source>第{r}项事实</source>
        <translation>Fact {r}</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>终止情况说明</source>
        <translation>Details of the termination</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>Date ended</translation>
    </message>
    <message>
        <source>调解不成的，应告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（第26条）。</source>
        <translation>When mediation fails, tell the parties they may protect their rights through arbitration, administrative or judicial channels (Art. 26).</translation>
    </message>
    <message>
        <source>回访记录</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>电话回访</source>
        <translation>By phone</translation>
    </message>
    <message>
        <source>上门回访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>当面回访</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>履行情况、满意度、是否起诉、有无激化隐患及采取的措施</source>
        <translation>Performance, satisfaction, whether anyone sued, any risk of escalation and the measures taken</translation>
    </message>
    <message>
        <source>计划下次回访</source>
        <translation>Plan the next visit</translation>
    </message>
    <message>
        <source>被回访人</source>
        <translation>Person visited</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>满意程度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>申请司法确认</source>
        <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
        <source>如 新乡市卫滨区人民法院</source>
        <translation>e.g. Weibin District People&apos;s Court, Xinxiang</translation>
    </message>
    <message>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>共同申请日期</source>
        <translation>Date of the joint application</translation>
    </message>
    <message>
        <source>须由双方当事人在 {deadline:%Y年%m月%d日} 前共同申请（协议生效之日起30日内，第33条）。</source>
        <translation>Both parties must apply jointly by {deadline:%Y-%m-%d} (within 30 days of the agreement taking effect, Art. 33).</translation>
    </message>
    <message>
        <source>司法确认结果</source>
        <translation>Judicial confirmation outcome</translation>
    </message>
    <message>
        <source>法院案号，如（2026）豫0703民特12号</source>
        <translation>Court case number, e.g. (2026)豫0703民特12号</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>裁定日期</source>
        <translation>Date of ruling</translation>
    </message>
    <message>
        <source>法院案号</source>
        <translation>Court case number</translation>
    </message>
    <message>
        <source>记录调查</source>
        <translation>Record an investigation</translation>
    </message>
    <message>
        <source>如 纠纷现场、村委会</source>
        <translation>e.g. the site of the dispute, the village committee</translation>
    </message>
    <message>
        <source>被调查人的姓名，可填当事人或知情人</source>
        <translation>Name of the person asked: a party or a witness</translation>
    </message>
    <message>
        <source>调查的问题和被调查人的回答、现场查看的情况……</source>
        <translation>Questions and answers, what was seen on site…</translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation>Person asked</translation>
    </message>
    <message>
        <source>调查人</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <source>补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <source>写明变更的理由和事实，如 因李四失业，经双方协商变更付款方式</source>
        <translation>Why the agreement changes, e.g. the payer lost his job and both sides agreed to pay in instalments</translation>
    </message>
    <message>
        <source>补充协议变更第 {number} 号协议；签字盖章后原协议由本协议取代。</source>
        <translation>This supplementary agreement changes agreement {number}; once signed and sealed it replaces it.</translation>
    </message>
    <message>
        <source>变更理由及事实</source>
        <translation>Reason and facts of the change</translation>
    </message>
    <message>
        <source>登记防激化</source>
        <translation>Record an escalation prevented</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>如：双方持械对峙，经调解员劝解平息，未发生伤害</source>
        <translation>e.g. an armed stand-off calmed by the mediator, nobody hurt</translation>
    </message>
    <message>
        <source>防止</source>
        <translation>Prevented</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>People concerned</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Date recorded</translation>
    </message>
    <message>
        <source>计入统计报表的“防激化”项（件数与人数）。</source>
        <translation>Counted in the statistics under escalations prevented (cases and people).</translation>
    </message>
    <message>
        <source>登记矛盾纠纷排查</source>
        <translation>Record a dispute screening</translation>
    </message>
    <message>
        <source>如：东村、幸福社区、某厂</source>
        <translation>e.g. a village, a community, a factory</translation>
    </message>
    <message>
        <source> 件</source>
        <translation> disputes</translation>
    </message>
    <message>
        <source>排查发现的主要矛盾、采取的措施</source>
        <translation>Main tensions found, measures taken</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>排查人</source>
        <translation>Screened by</translation>
    </message>
    <message>
        <source>发现纠纷</source>
        <translation>Disputes found</translation>
    </message>
    <message>
        <source>预防纠纷</source>
        <translation>Disputes prevented</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>恢复未保存的内容</source>
        <translation>Restore unsaved input</translation>
    </message>
    <message>
        <source>上次有未保存的内容（{when} UTC 自动保存）。是否继续填写？
选择“否”将删除这份草稿。</source>
        <translation>There is unsaved input from last time (saved automatically at {when} UTC). Continue with it?
Choosing No deletes this draft.</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <source>签字扫描件</source>
        <translation>Signed scan</translation>
    </message>
    <message>
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>身份证明</source>
        <translation>Proof of identity</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <source>履行凭证</source>
        <translation>Proof of performance</translation>
    </message>
    <message>
        <source>已出具文书</source>
        <translation>Issued document</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>当事人申请</source>
        <translation>Application by a party</translation>
    </message>
    <message>
        <source>人民调解委员会主动调解</source>
        <translation>Initiated by the committee</translation>
    </message>
    <message>
        <source>法院委派</source>
        <translation>Assigned by a court</translation>
    </message>
    <message>
        <source>法院委托</source>
        <translation>Entrusted by a court</translation>
    </message>
    <message>
        <source>公安机关移交</source>
        <translation>Referred by the police</translation>
    </message>
    <message>
        <source>政府部门指定</source>
        <translation>Designated by a government department</translation>
    </message>
    <message>
        <source>信访部门移交</source>
        <translation>Referred by the petitions office</translation>
    </message>
    <message>
        <source>待受理</source>
        <translation>Awaiting acceptance</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>中止（鉴定中）</source>
        <translation>Suspended (appraisal)</translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>调解终止</source>
        <translation>Mediation ended</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>已申请司法确认</source>
        <translation>Confirmation applied for</translation>
    </message>
    <message>
        <source>司法确认有效</source>
        <translation>Confirmed by the court</translation>
    </message>
    <message>
        <source>司法确认驳回</source>
        <translation>Confirmation rejected</translation>
    </message>
    <message>
        <source>履行中</source>
        <translation>Being performed</translation>
    </message>
    <message>
        <source>履行完毕</source>
        <translation>Performed</translation>
    </message>
    <message>
        <source>已退回法院</source>
        <translation>Returned to court</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>审查中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>裁定协议有效</source>
        <translation>Agreement ruled valid</translation>
    </message>
    <message>
        <source>裁定驳回申请</source>
        <translation>Application rejected</translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation>Application withdrawn</translation>
    </message>
    <message>
        <source>婚姻家庭纠纷</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <source>邻里纠纷</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <source>房屋宅基地纠纷</source>
        <translation>Housing and homestead land</translation>
    </message>
    <message>
        <source>合同纠纷</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>生产经营纠纷</source>
        <translation>Business operations</translation>
    </message>
    <message>
        <source>损害赔偿纠纷</source>
        <translation>Damages</translation>
    </message>
    <message>
        <source>山林土地纠纷</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <source>征地拆迁纠纷</source>
        <translation>Land requisition and demolition</translation>
    </message>
    <message>
        <source>环境污染纠纷</source>
        <translation>Environmental pollution</translation>
    </message>
    <message>
        <source>劳动争议纠纷</source>
        <translation>Labour</translation>
    </message>
    <message>
        <source>消费纠纷</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>医疗纠纷</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>道路交通事故纠纷</source>
        <translation>Road traffic accident</translation>
    </message>
    <message>
        <source>物业纠纷</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>其他纠纷</source>
        <translation>Other disputes</translation>
    </message>
    <message>
        <source>自然人</source>
        <translation>Natural person</translation>
    </message>
    <message>
        <source>法人或其他组织</source>
        <translation>Legal person or organisation</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>尚未履行</source>
        <translation>Not yet performed</translation>
    </message>
    <message>
        <source>部分履行</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <source>已履行完毕</source>
        <translation>Fully performed</translation>
    </message>
    <message>
        <source>拒不履行</source>
        <translation>Refused to perform</translation>
    </message>
    <message>
        <source>委派调解</source>
        <translation>Court-assigned mediation</translation>
    </message>
    <message>
        <source>委托调解</source>
        <translation>Court-entrusted mediation</translation>
    </message>
    <message>
        <source>普通程序</source>
        <translation>Ordinary procedure</translation>
    </message>
    <message>
        <source>简易程序</source>
        <translation>Simplified procedure</translation>
    </message>
    <message>
        <source>站点管理员</source>
        <translation>Station administrator</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>一方当事人明确拒绝调解</source>
        <translation>A party expressly refused mediation</translation>
    </message>
    <message>
        <source>当事人不愿继续调解</source>
        <translation>A party no longer wishes to continue</translation>
    </message>
    <message>
        <source>双方分歧较大，难以达成协议</source>
        <translation>The parties are too far apart to agree</translation>
    </message>
    <message>
        <source>期限内无法联系当事人</source>
        <translation>A party could not be reached in time</translation>
    </message>
    <message>
        <source>调解期限届满且未同意延长</source>
        <translation>The time limit expired without an agreed extension</translation>
    </message>
    <message>
        <source>当事人拒绝在调解协议上签字</source>
        <translation>A party refused to sign the agreement</translation>
    </message>
    <message>
        <source>纠纷可能激化，已移交有关部门</source>
        <translation>Risk of escalation; referred to the authorities</translation>
    </message>
    <message>
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>人民调解申请书</source>
        <translation>Application for people&apos;s mediation</translation>
    </message>
    <message>
        <source>人民调解受理登记表</source>
        <translation>Mediation acceptance register</translation>
    </message>
    <message>
        <source>人民调解当事人权利义务告知书</source>
        <translation>Notice of the parties&apos; rights and duties</translation>
    </message>
    <message>
        <source>人民调解调查记录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <source>人民调解记录</source>
        <translation>Mediation session record</translation>
    </message>
    <message>
        <source>人民调解协议书</source>
        <translation>People&apos;s mediation agreement</translation>
    </message>
    <message>
        <source>人民调解口头协议登记表</source>
        <translation>Oral agreement register</translation>
    </message>
    <message>
        <source>无争议事实记载书</source>
        <translation>Record of undisputed facts</translation>
    </message>
    <message>
        <source>司法确认申请书</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <source>人民调解回访记录</source>
        <translation>Follow-up visit record</translation>
    </message>
    <message>
        <source>终止调解情况表</source>
        <translation>Termination of mediation form</translation>
    </message>
    <message>
        <source>卷宗封面</source>
        <translation>Case file cover</translation>
    </message>
    <message>
        <source>司法确认申请期限</source>
        <translation>Judicial confirmation deadline</translation>
    </message>
    <message>
        <source>协议履行期限</source>
        <translation>Performance deadline</translation>
    </message>
    <message>
        <source>计划回访</source>
        <translation>Planned follow-up visit</translation>
    </message>
    <message>
        <source>委派调解期限</source>
        <translation>Court-assigned mediation deadline</translation>
    </message>
    <message>
        <source>委托调解期限</source>
        <translation>Court-entrusted mediation deadline</translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>案件状态</source>
        <translation>Case status</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Case mediators</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigations</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Mediation sessions</translation>
    </message>
    <message>
        <source>无争议事实记载</source>
        <translation>Undisputed-fact record</translation>
    </message>
    <message>
        <source>无争议事实</source>
        <translation>Undisputed facts</translation>
    </message>
    <message>
        <source>事实确认</source>
        <translation>Fact confirmations</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>协议条款</source>
        <translation>Agreement clauses</translation>
    </message>
    <message>
        <source>协议签字</source>
        <translation>Agreement signatures</translation>
    </message>
    <message>
        <source>司法确认</source>
        <translation>Judicial confirmations</translation>
    </message>
    <message>
        <source>法院委派/委托</source>
        <translation>Court referral</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow ups</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>出具文书</source>
        <translation>Issued documents</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted date</translation>
    </message>
    <message>
        <source>在职</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>代理权限</source>
        <translation>Agent authority</translation>
    </message>
    <message>
        <source>代理人身份证号码</source>
        <translation>Agent id number</translation>
    </message>
    <message>
        <source>代理人</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <source>代理人电话</source>
        <translation>Agent phone</translation>
    </message>
    <message>
        <source>达成日期</source>
        <translation>Agreed date</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied date</translation>
    </message>
    <message>
        <source>到场当事人</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>变更时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>变更人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed date</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>同意记载</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>费用负担</source>
        <translation>Cost conduct</translation>
    </message>
    <message>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>法院案号</source>
        <translation>Court case number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>作废时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>争议陈述</source>
        <translation>Dispute statement</translation>
    </message>
    <message>
        <source>纠纷细类</source>
        <translation>Dispute subtype</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>争议焦点</source>
        <translation>Disputed points</translation>
    </message>
    <message>
        <source>文书类型</source>
        <translation>Doc type</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence refs</translation>
    </message>
    <message>
        <source>延长天数</source>
        <translation>Extension days</translation>
    </message>
    <message>
        <source>纠纷事实与争议</source>
        <translation>Facts and disputes</translation>
    </message>
    <message>
        <source>未成原因</source>
        <translation>Failure reason</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>Filename</translation>
    </message>
    <message>
        <source>原状态</source>
        <translation>From status</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>调查人</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <source>出具人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>法官</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>法定代表人职务</source>
        <translation>Legal representative title</translation>
    </message>
    <message>
        <source>期限天数</source>
        <translation>Limit days</translation>
    </message>
    <message>
        <source>调解结束</source>
        <translation>Mediation end</translation>
    </message>
    <message>
        <source>调解开始</source>
        <translation>Mediation start</translation>
    </message>
    <message>
        <source>调解员签字日期</source>
        <translation>Mediator signed date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>下次回访日期</source>
        <translation>Next visit date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>结果日期</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>参加人</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>履行期限</source>
        <translation>Performance deadline</translation>
    </message>
    <message>
        <source>履行方式</source>
        <translation>Performance method</translation>
    </message>
    <message>
        <source>履行地点</source>
        <translation>Performance place</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Performance status</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>收案日期</source>
        <translation>Received date</translation>
    </message>
    <message>
        <source>记录内容</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>记载日期</source>
        <translation>Record date</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>委派/委托文号</source>
        <translation>Referral reference</translation>
    </message>
    <message>
        <source>不予受理理由</source>
        <translation>Refusal reason</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>激化风险</source>
        <translation>Risk of escalation</translation>
    </message>
    <message>
        <source>已上报风险</source>
        <translation>Risk reported</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>盖章日期</source>
        <translation>Sealed date</translation>
    </message>
    <message>
        <source>签字日期</source>
        <translation>Signed date</translation>
    </message>
    <message>
        <source>签收日期</source>
        <translation>Signed for date</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>所属调委会</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>终止说明</source>
        <translation>Termination detail</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Termination reason</translation>
    </message>
    <message>
        <source>纠纷名称</source>
        <translation>Dispute title</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>To status</translation>
    </message>
    <message>
        <source>总金额</source>
        <translation>Total amount</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>回访对象</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>回访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>撤回理由</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <source>防止民间纠纷引起自杀</source>
        <translation>Suicide over a civil dispute</translation>
    </message>
    <message>
        <source>防止民间纠纷转化为刑事案件</source>
        <translation>A civil dispute turning criminal</translation>
    </message>
    <message>
        <source>防止群体性上访</source>
        <translation>A group petition</translation>
    </message>
    <message>
        <source>防止群体性械斗</source>
        <translation>A group fight</translation>
    </message>
    <message>
        <source>防激化</source>
        <translation>Escalation prevented</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>People concerned</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Date recorded</translation>
    </message>
    <message>
        <source>矛盾纠纷排查</source>
        <translation>Dispute screening</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>排查人</source>
        <translation>Screened by</translation>
    </message>
    <message>
        <source>发现纠纷</source>
        <translation>Disputes found</translation>
    </message>
    <message>
        <source>预防纠纷</source>
        <translation>Disputes prevented</translation>
    </message>
    <message>
        <source>送达地址确认书</source>
        <translation>Confirmation of service address</translation>
    </message>
    <message>
        <source>诉调对接材料移送函</source>
        <translation>Letter handing the case to the court</translation>
    </message>
    <message>
        <source>诉调对接材料</source>
        <translation>Court hand-off package</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>不能超过{max_len}个字。</source>
        <translation>must be at most {max_len} characters.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>须为3-32位英文字母、数字、下划线、点或横线。</source>
        <translation>must be 3-32 letters, digits, underscores, dots or hyphens.</translation>
    </message>
    <message>
        <source>调委会代码</source>
        <translation>Committee code</translation>
    </message>
    <message>
        <source>只能包含字母、数字、横线或下划线，最多32位。</source>
        <translation>may contain only letters, digits, hyphens or underscores, at most 32.</translation>
    </message>
    <message>
        <source>第一步：本站信息</source>
        <translation>Step 1: this station</translation>
    </message>
    <message>
        <source>这些信息会印在调解文书上。调委会代码由区中心分配，创建后不能修改。</source>
        <translation>These details are printed on mediation documents. The committee code is assigned by the district centre and cannot be changed later.</translation>
    </message>
    <message>
        <source>站点名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>案号简称</source>
        <translation>Case number short name</translation>
    </message>
    <message>
        <source>平原</source>
        <translation>平原</translation>
    </message>
    <message>
        <source>（模板有误）</source>
        <translation>(the template is invalid)</translation>
    </message>
    <message>
        <source>第二步：管理员账号</source>
        <translation>Step 2: administrator account</translation>
    </message>
    <message>
        <source>管理员负责账号和设置，也可以办理案件。请牢记密码。</source>
        <translation>The administrator manages accounts and settings and can also handle cases. Remember the password.</translation>
    </message>
    <message>
        <source>3-32位字母或数字，如 admin</source>
        <translation>3-32 letters or digits, e.g. admin</translation>
    </message>
    <message>
        <source>管理员姓名</source>
        <translation>Administrator&apos;s name</translation>
    </message>
    <message>
        <source>至少8位</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>再输入一次密码</source>
        <translation>Enter the password again</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>请再输入一次密码。</source>
        <translation>Please enter the password again.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>同一台电脑上的数据库密钥保存在系统钥匙串中；请定期用“备份”功能做加密备份。</source>
        <translation>The database key is kept in this computer&apos;s system keyring; make encrypted backups regularly with Backup.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>区中心地址</source>
        <translation>District centre address</translation>
    </message>
    <message>
        <source>第三步：连接区中心（可选）</source>
        <translation>Step 3: connect to the district centre (optional)</translation>
    </message>
    <message>
        <source>填写区中心地址和一次性注册码，创建后立即注册并同步；没有注册码可以留空，以后在“设置 → 区中心”中注册。</source>
        <translation>Enter the district centre&apos;s address and a one-time enrolment code to enrol and sync right after creating the station; without a code leave this empty and enrol later under Settings → District centre.</translation>
    </message>
    <message>
        <source>https://区中心地址</source>
        <translation>https://district-centre-address</translation>
    </message>
    <message>
        <source>区中心签发的一次性注册码（72小时内有效）</source>
        <translation>One-time enrolment code from the district centre (valid 72 hours)</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>创建调解工作站</source>
        <translation>Create the mediation station</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>创建工作站</source>
        <translation>Create station</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在创建工作站…</source>
        <translation>Creating the station...</translation>
    </message>
    <message>
        <source>信息有误</source>
        <translation>Please check the details</translation>
    </message>
    <message>
        <source>无法创建工作站</source>
        <translation>Cannot create the station</translation>
    </message>
    <message>
        <source>工作站已创建，正在注册到区中心…</source>
        <translation>Station created; enrolling with the district centre...</translation>
    </message>
    <message>
        <source>注册到区中心未成功</source>
        <translation>Enrolment did not succeed</translation>
    </message>
    <message>
        <source>{message}
工作站已经创建好，可以正常使用；以后可在“设置 → 区中心”中用新的注册码注册。</source>
        <translation>{message}
The station has been created and is ready to use; enrol later under Settings → District centre with a new code.</translation>
    </message>
</context>
<context>
    <name>home</name>
    <message>
        <source>近期没有到期事项。</source>
        <translation>Nothing falls due soon.</translation>
    </message>
    <message>
        <source>{display_name}，您好</source>
        <translation>Hello, {display_name}</translation>
    </message>
    <message>
        <source>仅显示最紧急的 {DEADLINE_LIMIT} 项。</source>
        <translation>Only the {DEADLINE_LIMIT} most urgent items are shown.</translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <source>当事人 {number}</source>
        <translation>Party {number}</translation>
    </message>
    <message>
        <source>姓名或单位名称</source>
        <translation>Name of the person or organisation</translation>
    </message>
    <message>
        <source>请填写姓名或名称。</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>18位身份证号码（自动识别性别、出生日期和年龄）</source>
        <translation>18-digit ID number (fills in gender, birth date and age)</translation>
    </message>
    <message>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人或负责人姓名</source>
        <translation>Name of the legal representative or person in charge</translation>
    </message>
    <message>
        <source>单位当事人须填写法定代表人或负责人。</source>
        <translation>An organisation needs a legal representative or person in charge.</translation>
    </message>
    <message>
        <source>手机号码或带区号的座机</source>
        <translation>Mobile number, or landline with area code</translation>
    </message>
    <message>
        <source>住址或单位地址</source>
        <translation>Home or business address</translation>
    </message>
    <message>
        <source>如 汉族</source>
        <translation>e.g. Han</translation>
    </message>
    <message>
        <source>职业或职务</source>
        <translation>Occupation or position</translation>
    </message>
    <message>
        <source>{gender}，{birth_date:%Y年%m月%d日}出生，{v}岁</source>
        <translation>{gender}, born {birth_date:%Y-%m-%d}, aged {v}</translation>
    </message>
    <message>
        <source>如 张三与李四相邻关系纠纷</source>
        <translation>e.g. Zhang San v. Li Si, neighbour dispute</translation>
    </message>
    <message>
        <source>请填写纠纷名称。</source>
        <translation>Please enter a title for the dispute.</translation>
    </message>
    <message>
        <source>如 新乡市卫滨区人民法院</source>
        <translation>e.g. Weibin District People&apos;s Court, Xinxiang</translation>
    </message>
    <message>
        <source>请填写法院。</source>
        <translation>Please enter the court.</translation>
    </message>
    <message>
        <source>委派/委托调解函编号</source>
        <translation>Number of the court&apos;s letter</translation>
    </message>
    <message>
        <source>请填写函件编号。</source>
        <translation>Please enter the letter number.</translation>
    </message>
    <message>
        <source>保存并登记</source>
        <translation>Save and register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot remove</translation>
    </message>
    <message>
        <source>至少需要两方当事人。</source>
        <translation>A case needs at least two parties.</translation>
    </message>
    <message>
        <source>当事人 {i}</source>
        <translation>Party {i}</translation>
    </message>
    <message>
        <source>请填写纠纷简要情况。</source>
        <translation>Please enter a summary of the dispute.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>请按红色提示修改后再保存。</source>
        <translation>Please correct the fields marked in red, then save.</translation>
    </message>
    <message>
        <source>放弃登记？</source>
        <translation>Discard this registration?</translation>
    </message>
    <message>
        <source>已填写的内容尚未保存，确定要关闭并删除这些内容吗？</source>
        <translation>What you entered has not been saved. Close and delete it?</translation>
    </message>
    <message>
        <source>纠纷名称</source>
        <translation>the dispute title</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>the summary</translation>
    </message>
    <message>
        <source>委派/委托法院</source>
        <translation>the referring court</translation>
    </message>
    <message>
        <source>函件编号</source>
        <translation>the referral letter number</translation>
    </message>
    <message>
        <source>还不能保存：请先填好 {items}。</source>
        <translation>Cannot save yet: first complete {items}.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>调解期限 {days} 日，至 {due} 届满（遇法定节假日顺延）。</source>
        <translation>Mediation limit {days} days, ending {due} (extended past public holidays).</translation>
    </message>
    <message>
        <source>性别未填</source>
        <translation>Gender not given</translation>
    </message>
    <message>
        <source>出生日期未填</source>
        <translation>Birth date not given</translation>
    </message>
    <message>
        <source>性别/出生日期</source>
        <translation>Gender / birth date</translation>
    </message>
    <message>
        <source>编辑当事人</source>
        <translation>Edit parties</translation>
    </message>
    <message>
        <source>+ 添加第三人</source>
        <translation>+ Add a third party</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>请按红色提示修改 {items}。</source>
        <translation>Please correct {items} as marked in red.</translation>
    </message>
    <message>
        <source>读身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>读卡未成功</source>
        <translation>The card could not be read</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>正在打开工作站数据库，请稍候…</source>
        <translation>Opening the station database, please wait...</translation>
    </message>
    <message>
        <source>请输入登录名。</source>
        <translation>Please enter your user name.</translation>
    </message>
    <message>
        <source>正在登录…</source>
        <translation>Signing in...</translation>
    </message>
    <message>
        <source>新版本首次启动，正在升级工作站数据库（升级前已自动备份）。案件多时约需一两分钟，请勿关闭程序……</source>
        <translation>First start of a new version: upgrading the station database (a backup was made first). With many cases this takes a minute or two; please do not close the program…</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>诉源调解工作站</source>
        <translation>Suyuan Mediation Station</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>正在打开工作站数据库…</source>
        <translation>Opening the station database...</translation>
    </message>
    <message>
        <source>{name} - 诉源调解工作站</source>
        <translation>{name} - Suyuan Mediation Station</translation>
    </message>
    <message>
        <source>当前用户：{display_name}</source>
        <translation>Signed in: {display_name}</translation>
    </message>
    <message>
        <source>正在处理…</source>
        <translation>Working...</translation>
    </message>
    <message>
        <source>{v}（已锁定）</source>
        <translation>{v} (locked)</translation>
    </message>
    <message>
        <source>无法解锁</source>
        <translation>Cannot unlock</translation>
    </message>
    <message>
        <source>工作站由{display_name}锁定，未保存的内容属于该用户，请由本人或管理员解锁。</source>
        <translation>The station was locked by {display_name}; the unsaved work is theirs. Ask them or an administrator to unlock it.</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>不解锁而退出程序？未保存的内容已存为草稿，下次打开同一表单时可以继续填写。</source>
        <translation>Quit without unlocking? Unsaved input is kept as a draft and offered again the next time the same form is opened.</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>无法完成操作</source>
        <translation>The action could not be completed</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>发生了意外错误（{v}）。已保存的记录不受影响；详细信息已写入日志，请联系技术支持。</source>
        <translation>An unexpected error occurred ({v}). Saved records are not affected; the details are in the log. Please contact support.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>纠纷名称</source>
        <translation>Dispute title</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收案日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{case_number}
{title}
来源：{v}</source>
        <translation>{case_number}
{title}
Source: {v}</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>逾期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还剩 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>7 日内</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <source>30 日内</source>
        <translation>Within 30 days</translation>
    </message>
    <message>
        <source>{group} · {count} 项</source>
        <translation>{group} · {count}</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>打印预览 - {title}</source>
        <translation>Print preview - {title}</translation>
    </message>
    <message>
        <source>共 {v} 页</source>
        <translation>Pages: {v}</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF...</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已发送到打印机：{pages} 页 × {copies} 份</source>
        <translation>Sent to the printer: {pages} page(s), {copies} copies</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>{v}（当前不可用）</source>
        <translation>{v} (not available now)</translation>
    </message>
    <message>
        <source>选择字体文件</source>
        <translation>Choose a font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc *.otf)</source>
        <translation>TrueType fonts (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>重设密码：{username}</source>
        <translation>Reset password: {username}</translation>
    </message>
    <message>
        <source>至少8位</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>备份工作站</source>
        <translation>Back up the station</translation>
    </message>
    <message>
        <source>开始备份</source>
        <translation>Start backup</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <source>至少10位，恢复时需要它</source>
        <translation>At least 10 characters; needed to restore</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>备份口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>诉源备份 (*.sdb)</source>
        <translation>Suyuan backups (*.sdb)</translation>
    </message>
    <message>
        <source>请选择备份文件的位置。</source>
        <translation>Choose where to write the backup.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>正在备份工作站</source>
        <translation>Backing up the station</translation>
    </message>
    <message>
        <source>备份已取消，没有留下不完整的文件。</source>
        <translation>Backup cancelled; no incomplete file was left behind.</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup done</translation>
    </message>
    <message>
        <source>已备份并校验：{path}
案件 {cases} 件，附件 {attachments} 个，审计记录 {audit} 条。请妥善保管备份文件和口令。</source>
        <translation>Backed up and verified: {path}
Cases: {cases}, attachments: {attachments}, audit entries: {audit}. Keep the file and the passphrase safe.</translation>
    </message>
    <message>
        <source>本机设置有误</source>
        <translation>Check this computer&apos;s settings</translation>
    </message>
    <message>
        <source>本机设置已保存。之后出具的文书使用新的字体；触摸屏模式和界面语言在下次启动时生效。</source>
        <translation>Computer settings saved. Documents issued from now on use the new fonts; touch-screen mode and language apply from the next start.</translation>
    </message>
    <message>
        <source>已注册（设备编号 {v}…）。换服务器或设备被撤销后，可用新的注册码重新注册，未同步的更改不会丢失。</source>
        <translation>Enrolled (device {v}...). After a server change or if this device is revoked, enrol again with a new code; unsynced changes are kept.</translation>
    </message>
    <message>
        <source>重新注册</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>尚未注册：本站数据只保存在本机。注册后每5分钟自动与区中心同步。</source>
        <translation>Not enrolled: this station&apos;s data is only on this computer. Once enrolled it syncs with the district centre every 5 minutes.</translation>
    </message>
    <message>
        <source>信息不完整</source>
        <translation>Details missing</translation>
    </message>
    <message>
        <source>请填写区中心服务器地址和注册码（向区中心索取）。</source>
        <translation>Enter the district centre&apos;s server address and an enrolment code (ask the district centre).</translation>
    </message>
    <message>
        <source>注册成功</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>已注册到区中心：{station_name}。现在开始第一次同步。</source>
        <translation>Enrolled with the district centre as {station_name}. The first sync starts now.</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>{name}的密码已重设，请告知本人尽快登录后自行修改。</source>
        <translation>{name}&apos;s password was reset. Ask them to sign in soon and change it.</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>停用后{name}不能再登录；已办理的案件和记录不受影响。确定停用？</source>
        <translation>{name} will no longer be able to sign in; their cases and records are not affected. Disable the account?</translation>
    </message>
    <message>
        <source>站点信息已保存。</source>
        <translation>Station details saved.</translation>
    </message>
    <message>
        <source>占位符：{year} 年份，{short} 案号简称，{code} 调委会代码，{seq:04d} 四位序号（每年从 1 开始）。</source>
        <translation>Placeholders: {year} year, {short} short name, {code} committee code, {seq:04d} four-digit sequence (restarts every year).</translation>
    </message>
    <message>
        <source>示例：{sample}</source>
        <translation>Example: {sample}</translation>
    </message>
</context>
<context>
    <name>signature</name>
    <message>
        <source>现场签名</source>
        <translation>Sign on screen</translation>
    </message>
    <message>
        <source>请各方在下面的框内签名（手指、手写笔或鼠标）。不签的保留纸面签字。</source>
        <translation>Each party signs in a box below (finger, pen or mouse). Anyone who does not will sign on paper.</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>确认签名并生成文书</source>
        <translation>Confirm signatures and issue</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>{title}：共 {n} 件。双击打开案件。</source>
        <translation>{title}: {n} cases. Double-click one to open it.</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>受理方式</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收案/结案日期</source>
        <translation>Received / closed</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>按收案日期</source>
        <translation>By date received</translation>
    </message>
    <message>
        <source>按结案日期</source>
        <translation>By date closed</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>总体情况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>按纠纷类型</source>
        <translation>By dispute type</translation>
    </message>
    <message>
        <source>按月份</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{label}，{basis}：共受理 {n} 件。双击任一数字，列出其中的案件。</source>
        <translation>{label}, {basis}: {n} cases received. Double-click any figure to list its cases.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>双击列出这 {n} 件案件</source>
        <translation>Double-click to list these {n} cases</translation>
    </message>
    <message>
        <source>受理纠纷（按类型，前 8 类）</source>
        <translation>Disputes received (top 8 types)</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>各月受理与调解成功</source>
        <translation>Received and settled by month</translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>调解结果</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>调解不成</source>
        <translation>Not settled</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>期末未结</source>
        <translation>Open at period end</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>{month}</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>导出 Excel 或 PDF…</source>
        <translation>Export to Excel or PDF…</translation>
    </message>
    <message>
        <source>PDF 报表 (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <source>登记排查…</source>
        <translation>Record a screening…</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>排查人</source>
        <translation>Screened by</translation>
    </message>
    <message>
        <source>发现纠纷</source>
        <translation>Disputes found</translation>
    </message>
    <message>
        <source>预防纠纷</source>
        <translation>Disputes prevented</translation>
    </message>
    <message>
        <source>排查记录</source>
        <translation>Screening log</translation>
    </message>
    <message>
        <source>近五个季度</source>
        <translation>Last five quarters</translation>
    </message>
</context>
<context>
    <name>sync_ui</name>
    <message>
        <source>双方改了同一项</source>
        <translation>Both sides changed the same field</translation>
    </message>
    <message>
        <source>区中心已作废，本站又修改</source>
        <translation>Voided by the district, then edited here</translation>
    </message>
    <message>
        <source>案件已移交，原站点的修改</source>
        <translation>Edited here after the case was transferred</translation>
    </message>
    <message>
        <source>该项只能由区中心修改</source>
        <translation>Only the district centre may change this</translation>
    </message>
    <message>
        <source>案件状态与区中心冲突</source>
        <translation>Case status conflicts with the district</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{v}：{v2}</source>
        <translation>{v}: {v2}</translation>
    </message>
    <message>
        <source>待同步 {pending} 项</source>
        <translation>To sync: {pending}</translation>
    </message>
    <message>
        <source>● 未注册区中心：记录保存在本机，在“设置”中注册后自动上传</source>
        <translation>● Not enrolled with the district: records are kept on this computer and go up once enrolled in Settings</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>上次同步 {at:%m-%d %H:%M}</source>
        <translation>last sync {at:%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>&#x3000;被退回 {rejected} 项</source>
        <translation>  Rejected: {rejected}</translation>
    </message>
    <message>
        <source>● 离线（{v}）&#x3000;{pending}&#x3000;{last}{extra}</source>
        <translation>● Offline ({v})  {pending}  {last}{extra}</translation>
    </message>
    <message>
        <source>● 已注册区中心&#x3000;{pending}&#x3000;{last}{extra}</source>
        <translation>● Enrolled  {pending}  {last}{extra}</translation>
    </message>
    <message>
        <source>● 在线&#x3000;{pending}&#x3000;{last}{extra}</source>
        <translation>● Online  {pending}  {last}{extra}</translation>
    </message>
    <message>
        <source>尚未注册</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>本站还没有注册到区中心。请向区中心索取一次性注册码，在“设置 → 区中心”中注册。</source>
        <translation>This station is not enrolled yet. Ask the district centre for a one-time code and enrol under Settings → District centre.</translation>
    </message>
    <message>
        <source>无法连接区中心</source>
        <translation>Cannot reach the district centre</translation>
    </message>
    <message>
        <source>● 正在读取同步状态…</source>
        <translation>● Reading sync status...</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>立即与区中心同步（每5分钟也会自动同步）</source>
        <translation>Sync with the district centre now (it also syncs every 5 minutes)</translation>
    </message>
    <message>
        <source>● 正在同步：{msg}…</source>
        <translation>● Syncing: {msg}...</translation>
    </message>
    <message>
        <source>● 正在同步…</source>
        <translation>● Syncing...</translation>
    </message>
    <message>
        <source>冲突 {conflicts_open} 项待处理</source>
        <translation>Conflicts to resolve: {conflicts_open}</translation>
    </message>
    <message>
        <source>处理同步冲突</source>
        <translation>Resolve sync conflicts</translation>
    </message>
    <message>
        <source>以下内容在区中心和本站被同时修改。两边的内容都已保存，请选择保留哪一个，或写出合并后的内容。</source>
        <translation>These were changed at the district centre and here at the same time. Both versions are kept; choose one, or write the merged text.</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>发生时间</source>
        <translation>When</translation>
    </message>
    <message>
        <source>区中心的内容</source>
        <translation>District centre&apos;s version</translation>
    </message>
    <message>
        <source>本站的内容</source>
        <translation>This station&apos;s version</translation>
    </message>
    <message>
        <source>合并后的内容（可编辑）</source>
        <translation>Merged (editable)</translation>
    </message>
    <message>
        <source>保留区中心的</source>
        <translation>Keep the district&apos;s</translation>
    </message>
    <message>
        <source>保留本站的</source>
        <translation>Keep this station&apos;s</translation>
    </message>
    <message>
        <source>采用合并内容</source>
        <translation>Use the merged text</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>整条记录</source>
        <translation>Whole record</translation>
    </message>
    <message>
        <source>合并内容为空</source>
        <translation>The merged text is empty</translation>
    </message>
    <message>
        <source>请在“合并后的内容”中写出要保留的文字，或选择保留其中一边。</source>
        <translation>Write the text to keep under Merged, or keep one side.</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>委派调解期限</source>
        <translation>assigned limit</translation>
    </message>
    <message>
        <source>委托调解期限</source>
        <translation>entrusted limit</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>调解不成（终止）</source>
        <translation>Not settled</translation>
    </message>
    <message>
        <source>无争议事实记载</source>
        <translation>Undisputed facts</translation>
    </message>
    <message>
        <source>未记载</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>退回法院</source>
        <translation>Returned to court</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>协议草稿待签字</source>
        <translation>draft awaiting signatures</translation>
    </message>
    <message>
        <source>协议生效</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>司法确认</source>
        <translation>Court confirmation</translation>
    </message>
    <message>
        <source>裁定有效</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>裁定驳回</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>审查中</source>
        <translation>under review</translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation>application withdrawn</translation>
    </message>
    <message>
        <source>30日内未申请</source>
        <translation>not applied within 30 days</translation>
    </message>
    <message>
        <source>可选：30日内共同申请</source>
        <translation>optional: joint application within 30 days</translation>
    </message>
    <message>
        <source>履行</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>尚未履行</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>部分履行</source>
        <translation>partly performed</translation>
    </message>
    <message>
        <source>拒不履行</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archived</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>不能为空，请填写。</source>
        <translation>must not be empty; please fill it in.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling...</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>基本情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>调查与调解记录</source>
        <translation>Investigations and sessions</translation>
    </message>
    <message>
        <source>无争议事实</source>
        <translation>Undisputed facts</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>履行与回访</source>
        <translation>Performance and follow-up</translation>
    </message>
    <message>
        <source>司法确认</source>
        <translation>Judicial confirmation</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>操作记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>{filename}（{v}，{v2} KB）</source>
        <translation>{filename} ({v}, {v2} KB)</translation>
    </message>
    <message>
        <source>下一步：{text}{when}</source>
        <translation>Next: {text}{when}</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>纠纷名称</source>
        <translation>Dispute title</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收案日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date accepted</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>未指派</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>激化风险</source>
        <translation>Risk of escalation</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>纠纷简要情况</source>
        <translation>Summary of the dispute</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>法院委派/委托</source>
        <translation>Court assignment / entrustment</translation>
    </message>
    <message>
        <source>{court} {reference_number}，期限至 {deadline}（{limit_days}日）</source>
        <translation>{court} {reference_number}, due {deadline} ({limit_days} days)</translation>
    </message>
    <message>
        <source>终止原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>性别/年龄</source>
        <translation>Gender / age</translation>
    </message>
    <message>
        <source>{v} {v2}</source>
        <translation>{v} {v2}</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>&lt;h3&gt;调查记录 {occurred_at:%Y-%m-%d %H:%M} {v}&lt;/h3&gt;&lt;p&gt;被调查人：{v2}；调查人：{v3}&lt;/p&gt;&lt;pre&gt;{v4}&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;Investigation {occurred_at:%Y-%m-%d %H:%M} {v}&lt;/h3&gt;&lt;p&gt;Person questioned: {v2}; investigators: {v3}&lt;/p&gt;&lt;pre&gt;{v4}&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;调解记录 {occurred_at:%Y-%m-%d %H:%M} {v}&lt;/h3&gt;&lt;p&gt;到场：{v2}&lt;/p&gt;&lt;pre&gt;{v3}&lt;/pre&gt;&lt;p&gt;结果：{v4}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mediation session {occurred_at:%Y-%m-%d %H:%M} {v}&lt;/h3&gt;&lt;p&gt;Present: {v2}&lt;/p&gt;&lt;pre&gt;{v3}&lt;/pre&gt;&lt;p&gt;Outcome: {v4}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚无记录。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No records yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;记载于 {record_date}&lt;/h3&gt;&lt;ol&gt;</source>
        <translation>&lt;h3&gt;Recorded on {record_date}&lt;/h3&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;{v}（确认：{v2}）&lt;/li&gt;</source>
        <translation>&lt;li&gt;{v} (confirmed by: {v2})&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;争议焦点：{v}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Points of contention: {v}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚未记载无争议事实。调解不成时，可经各方同意记载无争议事实。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No undisputed facts recorded. When mediation fails, the facts all parties accept can be recorded with their consent.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>草稿（未生效）</source>
        <translation>draft (not in effect)</translation>
    </message>
    <message>
        <source>已生效</source>
        <translation>in effect</translation>
    </message>
    <message>
        <source>已被补充协议变更</source>
        <translation>superseded by an amendment</translation>
    </message>
    <message>
        <source>（人民币{v}元，{v2}）</source>
        <translation> (RMB {v} yuan, {v2})</translation>
    </message>
    <message>
        <source>；生效日期 {effective_date}</source>
        <translation>; in effect from {effective_date}</translation>
    </message>
    <message>
        <source>；司法确认申请截止 &lt;b&gt;{confirmation_deadline}&lt;/b&gt;</source>
        <translation>; apply for judicial confirmation by &lt;b&gt;{confirmation_deadline}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{v} {number}（{state}）&lt;/h3&gt;&lt;p&gt;达成日期 {agreed_date}{extra}&lt;/p&gt;&lt;ol&gt;{clauses}&lt;/ol&gt;&lt;p&gt;履行：{v2} {v3}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{v} {number} ({state})&lt;/h3&gt;&lt;p&gt;Agreed on {agreed_date}{extra}&lt;/p&gt;&lt;ol&gt;{clauses}&lt;/ol&gt;&lt;p&gt;Performance: {v2} {v3}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>期限 {deadline}</source>
        <translation>by {deadline}</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚未达成协议。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No agreement yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;{visit_date} {v}（{v2}）：{v3}，{v4}&lt;/li&gt;</source>
        <translation>&lt;li&gt;{visit_date} {v} ({v2}): {v3}, {v4}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚无回访记录。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No follow-up visits yet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;{applied_date} 向{v}申请（截止 {deadline}）：{v2} {v3}&lt;/li&gt;</source>
        <translation>&lt;li&gt;{applied_date} applied to {v} (deadline {deadline}): {v2} {v3}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;尚未申请司法确认。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No application for judicial confirmation.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>指派调解员</source>
        <translation>Assign mediators</translation>
    </message>
    <message>
        <source>记录调解</source>
        <translation>Record a mediation session</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <source>中止调解</source>
        <translation>Suspend mediation</translation>
    </message>
    <message>
        <source>恢复调解</source>
        <translation>Resume mediation</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>End mediation</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>申请司法确认</source>
        <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
        <source>司法确认结果</source>
        <translation>Judicial confirmation outcome</translation>
    </message>
    <message>
        <source>退回法院</source>
        <translation>Return to court</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>如：一方当事人明确拒绝调解（人民调解法第17条）</source>
        <translation>e.g. a party expressly refused mediation (Art. 17)</translation>
    </message>
    <message>
        <source>撤回原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <source>如：双方已自行和解</source>
        <translation>e.g. the parties settled between themselves</translation>
    </message>
    <message>
        <source>中止原因</source>
        <translation>Reason for suspending</translation>
    </message>
    <message>
        <source>如：当事人住院治疗，出院后恢复调解</source>
        <translation>e.g. a party is in hospital; resume after discharge</translation>
    </message>
    <message>
        <source>确认将调解材料退回委派/委托法院？</source>
        <translation>Return the case materials to the assigning / entrusting court?</translation>
    </message>
    <message>
        <source>归档后案件不能再修改。确认立卷归档？</source>
        <translation>An archived case cannot be changed. Archive it?</translation>
    </message>
    <message>
        <source>协议书现场签名（触屏）…</source>
        <translation>Agreement signed on screen (touch)...</translation>
    </message>
    <message>
        <source>无争议事实记载书现场签名（触屏）…</source>
        <translation>Undisputed facts signed on screen (touch)...</translation>
    </message>
    <message>
        <source>整本卷宗（含目录）</source>
        <translation>Whole case file (with contents)</translation>
    </message>
    <message>
        <source>卷宗不完整</source>
        <translation>The case file is incomplete</translation>
    </message>
    <message>
        <source>缺少以下必备材料：
</source>
        <translation>These required materials are missing:
</translation>
    </message>
    <message>
        <source>卷宗</source>
        <translation>Case file</translation>
    </message>
    <message>
        <source>正在生成整本卷宗</source>
        <translation>Building the whole case file</translation>
    </message>
    <message>
        <source>选择附件</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <source>扫描件和文件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</source>
        <translation>Scans and documents (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>查看完整号码</source>
        <translation>Viewed full numbers</translation>
    </message>
    <message>
        <source>身份证号码、联系电话</source>
        <translation>ID numbers, phone numbers</translation>
    </message>
    <message>
        <source>&lt;p&gt;身份证号码和电话已部分隐藏。&lt;a href=&quot;reveal&quot;&gt;显示完整号码&lt;/a&gt;（将记入操作记录）&lt;/p&gt;</source>
        <translation>&lt;p&gt;ID and phone numbers are partly hidden. &lt;a href=&quot;reveal&quot;&gt;Show full numbers&lt;/a&gt; (recorded in the history)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>记录调查</source>
        <translation>Record an investigation</translation>
    </message>
    <message>
        <source>补充协议</source>
        <translation>Supplementary agreement</translation>
    </message>
    <message>
        <source>{case_number}&#x3000;{title}</source>
        <translation>{case_number}&#x3000;{title}</translation>
    </message>
    <message>
        <source>编辑当事人</source>
        <translation>Edit parties</translation>
    </message>
    <message>
        <source>逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>{due} 前</source>
        <translation>by {due}</translation>
    </message>
    <message>
        <source>防激化</source>
        <translation>Escalation prevented</translation>
    </message>
    <message>
        <source>{kind}，涉及 {n} 人（{day}）</source>
        <translation>{kind}, {n} people ({day})</translation>
    </message>
    <message>
        <source>诉调对接材料（移送法院）…</source>
        <translation>Court hand-off package (to the court)…</translation>
    </message>
    <message>
        <source>诉调对接材料保存到</source>
        <translation>Save the court hand-off package to</translation>
    </message>
    <message>
        <source>诉调对接材料已生成</source>
        <translation>Court hand-off package made</translation>
    </message>
    <message>
        <source>已保存 {pdf}（{pages}页）及同名清单（.json）。两者都可核验。</source>
        <translation>Saved {pdf} ({pages} pages) and its manifest (.json). Either can be verified.</translation>
    </message>
    <message>
        <source>
案件已转为“已退回法院”。</source>
        <translation>
The case is now returned to the court.</translation>
    </message>
</context>
</TS>
