/**
 * The demo portal at `/`: a stand-in for a provincial service portal that embeds our components the way a
 * real portal would (one module script for the elements, one `<jxjy-config>`). Its behaviour (routing, session,
 * language) is `/components/portal.js`, built from components/portal/portal.ts: the CSP allows no inline script.
 * Stable ids and data-testid attributes are for the end-to-end test.
 */
const TITLE = '广东省专业技术人员继续教育管理系统';

export const portalPage = (): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="renderer" content="webkit">
<title>${TITLE}</title>
<script type="module" src="/components/jxjy.js"></script>
<script type="module" src="/components/portal.js"></script>
<style>
  * { box-sizing: border-box; }
  /* Views are switched with the hidden attribute; a layout's own display must not override it. */
  [hidden] { display: none !important; }
  body { margin: 0; font-family: "Helvetica Neue", Helvetica, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Arial, sans-serif;
    font-size: 14px; line-height: 1.5; color: #303133; background: #f0f2f5; }
  a { color: #0958d9; }
  :focus-visible { outline: 2px solid #0958d9; outline-offset: 2px; }
  .portal-header { background: linear-gradient(90deg, #0b3d91, #1d5fa8); color: #fff; }
  .portal-header .inner { max-width: 1200px; margin: 0 auto; padding: 12px 16px; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
  .brand { display: flex; align-items: center; gap: 12px; flex: 1 1 20em; min-width: 0; }
  .emblem { width: 44px; height: 44px; border-radius: 50%; background: #c8161e; border: 2px solid #f7d774; color: #f7d774;
    display: inline-flex; align-items: center; justify-content: center; font-size: 22px; font-weight: 700; }
  .brand .title { font-size: 22px; font-weight: 600; letter-spacing: 1px; margin: 0; }
  .brand .subtitle { font-size: 13px; opacity: 0.9; }
  .userbar { display: flex; align-items: center; gap: 12px; flex: 0 0 auto; margin-inline-start: auto; }
  :lang(en) .brand .title { font-size: 18px; letter-spacing: 0; }
  .userbar button { font: inherit; color: #fff; background: transparent; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; min-height: 32px; padding: 0 12px; cursor: pointer; }
  .userbar button:hover { background: rgba(255,255,255,.12); }
  .portal-nav { background: #0a3478; }
  .portal-nav .inner { max-width: 1200px; margin: 0 auto; padding: 0 16px; display: flex; flex-wrap: wrap; }
  .portal-nav a { color: #fff; display: inline-block; padding: 10px 20px; text-decoration: none; }
  .portal-nav a:hover { background: #1d5fa8; }
  main { max-width: 1200px; margin: 24px auto; padding: 0 16px; min-height: 60vh; }
  .notice { margin: 0 0 16px; padding: 8px 16px; border: 1px solid #e6a23c; background: #fdf6ec; color: #7a4a00; border-radius: 4px; }
  .panel { background: #fff; border: 1px solid #e4e7ed; border-radius: 4px; padding: 20px 24px; margin-bottom: 16px; box-shadow: 0 2px 12px rgba(0,0,0,.04); }
  .panel h2 { font-size: 18px; margin: 0 0 16px; border-left: 4px solid #0958d9; padding-left: 8px; }
  .panel h2:focus { outline: none; }
  .login-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 440px); gap: 24px; align-items: start; }
  @media (max-width: 800px) { .login-layout { grid-template-columns: 1fr; } }
  .intro { background: linear-gradient(135deg, #e8f1fd, #fff); }
  .intro h3 { margin: 16px 0 8px; font-size: 15px; }
  .intro ul { margin: 0; padding-left: 20px; color: #606266; }
  .hint { display: none; color: #606266; }
  jxjy-config:not(:defined) .hint { display: block; }
  .muted { color: #606266; }
  .alert { color: #c8161e; }
  .user-nav { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 16px; }
  .user-nav a { display: inline-block; padding: 6px 16px; border: 1px solid #dcdfe6; border-radius: 4px; background: #fff; color: #303133; text-decoration: none; }
  .user-nav a:hover { border-color: #0958d9; color: #0958d9; }
  .user-nav a[aria-current="page"] { background: #0958d9; border-color: #0958d9; color: #fff; }
  .org-status { padding: 16px; border: 1px solid #e6a23c; background: #fdf6ec; color: #7a4a00; border-radius: 4px; font-weight: 600; }
  footer { text-align: center; color: #606266; font-size: 13px; padding: 24px; border-top: 1px solid #e4e7ed; background: #fff; }
</style>
</head>
<body data-state="signed-out">
<header class="portal-header">
  <div class="inner">
    <div class="brand">
      <span class="emblem" aria-hidden="true">粤</span>
      <div><p class="title" data-i18n="title">${TITLE}</p><div class="subtitle" data-i18n="subtitle">广东省人力资源和社会保障厅</div></div>
    </div>
    <div class="userbar">
      <span id="user-info" data-testid="user-info" hidden></span>
      <button type="button" id="lang-toggle" data-testid="lang-toggle" lang="en">English</button>
      <button type="button" id="sign-out" data-testid="sign-out" data-i18n="signOut" hidden>退出登录</button>
    </div>
  </div>
</header>
<nav class="portal-nav" aria-label="主导航" data-i18n-label="navLabel">
  <div class="inner">
    <a href="/" data-i18n="navHome">首页</a><a href="#org-register" data-i18n="navOrgRegister">单位注册</a><a href="/docs" data-i18n="navDocs">接口文档</a>
  </div>
</nav>
<main>
  <p id="portal-notice" class="notice" role="status" data-testid="portal-notice" hidden></p>
  <nav id="user-nav" class="user-nav" data-testid="user-nav" aria-label="业务导航" data-i18n-label="userNavLabel" hidden>
    <a href="#profile" data-role="person" data-page="profile" data-testid="nav-profile" data-i18n="navProfile" hidden>基本信息</a>
    <a href="#binding" data-role="person" data-page="binding" data-testid="nav-binding" data-i18n="navBinding" hidden>单位绑定</a>
    <a href="#credits" data-role="person" data-page="credits" data-testid="nav-credits" data-i18n="navCredits" hidden>学时申报</a>
    <a href="#summary" data-role="person" data-page="summary" data-testid="nav-summary" data-i18n="navSummary" hidden>学时汇总</a>
    <a href="#classes" data-role="person" data-page="classes" data-testid="nav-classes" data-i18n="navClasses" hidden>培训班</a>
    <a href="#enrolments" data-role="person" data-page="enrolments" data-testid="nav-enrolments" data-i18n="navEnrolments" hidden>我的报名</a>
    <a href="#certificate" data-role="person" data-page="certificate" data-testid="nav-certificate" data-i18n="navCertificate" hidden>证书打印</a>
    <a href="#history" data-role="person" data-page="history" data-testid="nav-history" data-i18n="navHistory" hidden>历史数据</a>
    <a href="#home" data-role="unit institution admin" data-page="home" data-testid="nav-inbox" data-i18n="navInbox" hidden>待办事项</a>
    <a href="#members" data-role="unit" data-page="members" data-testid="nav-members" data-i18n="navMembers" hidden>本单位人员</a>
    <a href="#dishonesty" data-role="person unit" data-page="dishonesty" data-testid="nav-dishonesty" data-i18n="navDishonesty" hidden>失信信息</a>
    <a href="#manage-classes" data-role="institution" data-page="manage-classes" data-testid="nav-manage-classes" data-i18n="navManageClasses" hidden>培训班管理</a>
    <a href="#requirements" data-role="admin" data-page="requirements" data-testid="nav-requirements" data-i18n="navRequirements" hidden>学时要求</a>
    <a href="#dishonesty" data-role="admin" data-page="dishonesty" data-testid="nav-dishonesty-admin" data-i18n="navDishonestyAdmin" hidden>失信管理</a>
    <a href="#legacy-import" data-role="admin" data-page="legacy-import" data-testid="nav-legacy-import" data-i18n="navLegacyImport" hidden>历史数据导入</a>
    <a href="#audit" data-role="auditor admin" data-page="audit" data-testid="nav-audit" data-i18n="navAudit" hidden>审计</a>
  </nav>
  <jxjy-config api-base="">
    <p class="hint">组件尚未加载。请先运行 <code>npm run build:components</code>。</p>
    <div class="login-layout" data-view="login" id="view-login" data-testid="view-login">
      <section class="panel intro" aria-labelledby="intro-title">
        <h2 id="intro-title" data-i18n="title">${TITLE}</h2>
        <p data-i18n="loginIntro">专业技术人员、法人单位、施教机构和人社部门工作人员请使用本系统账号登录。</p>
        <h3 data-i18n="loginTips">温馨提示</h3>
        <ul>
          <li data-i18n="loginTip1">首次登录须修改初始密码。</li>
          <li data-i18n="loginTip2">连续 5 次输错密码，账户将被锁定 15 分钟。</li>
          <li data-i18n="loginTip3">单位和施教机构须先注册，经人社部门审核通过后方可办理业务。</li>
        </ul>
        <p><a href="#org-register" id="link-org-register" data-testid="link-org-register" data-i18n="orgRegisterLink">单位/机构注册</a></p>
      </section>
      <section class="panel" aria-labelledby="login-title">
        <h2 id="login-title" tabindex="-1" data-i18n="login">用户登录</h2>
        <div class="slot"></div>
      </section>
    </div>
    <section class="panel" data-view="org-register" id="view-org-register" data-testid="view-org-register" aria-labelledby="org-register-title" hidden>
      <h2 id="org-register-title" tabindex="-1" data-i18n="orgRegister">单位/机构注册</h2>
      <div class="slot"></div>
      <p><a href="/" data-i18n="backToLogin">返回登录</a></p>
    </section>
    <section class="panel" data-view="register" id="view-register" data-testid="view-register" aria-labelledby="register-title" hidden>
      <h2 id="register-title" tabindex="-1" data-i18n="register">个人注册</h2>
      <p class="muted" data-i18n="registerPlaceholder">请填写以下信息完成个人注册。注册后请使用新账号登录。</p>
      <div class="slot"></div>
      <p><a href="/" data-i18n="backToLogin">返回登录</a></p>
    </section>
    <section class="panel" data-view="change-password" id="view-change-password" data-testid="view-change-password" aria-labelledby="change-password-title" hidden>
      <h2 id="change-password-title" tabindex="-1" data-i18n="changePassword">修改密码</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="home" id="view-home" data-testid="view-home" aria-labelledby="home-title" hidden>
      <h2 id="home-title" tabindex="-1" data-i18n="home">工作台</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="profile" id="view-profile" data-testid="view-profile" aria-labelledby="profile-title" hidden>
      <h2 id="profile-title" tabindex="-1" data-i18n="profile">人员基本信息</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="binding" id="view-binding" data-testid="view-binding" aria-labelledby="binding-title" hidden>
      <h2 id="binding-title" tabindex="-1" data-i18n="binding">单位绑定</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="credits" id="view-credits" data-testid="view-credits" aria-labelledby="credits-title" hidden>
      <h2 id="credits-title" tabindex="-1" data-i18n="credits">继续教育记录申报</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="summary" id="view-summary" data-testid="view-summary" aria-labelledby="summary-title" hidden>
      <h2 id="summary-title" tabindex="-1" data-i18n="summary">学时完成情况</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="classes" id="view-classes" data-testid="view-classes" aria-labelledby="classes-title" hidden>
      <h2 id="classes-title" tabindex="-1" data-i18n="classes">培训班报名</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="enrolments" id="view-enrolments" data-testid="view-enrolments" aria-labelledby="enrolments-title" hidden>
      <h2 id="enrolments-title" tabindex="-1" data-i18n="enrolments">培训班报名情况</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="certificate" id="view-certificate" data-testid="view-certificate" aria-labelledby="certificate-title" hidden>
      <h2 id="certificate-title" tabindex="-1" data-i18n="certificate">继续教育证书打印</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="history" id="view-history" data-testid="view-history" aria-labelledby="history-title" hidden>
      <h2 id="history-title" tabindex="-1" data-i18n="history">历史数据（原省继续教育系统）</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="dishonesty" id="view-dishonesty" data-testid="view-dishonesty" aria-labelledby="dishonesty-title" hidden>
      <h2 id="dishonesty-title" tabindex="-1" data-i18n="dishonesty">我的失信信息</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="members" id="view-members" data-testid="view-members" aria-labelledby="members-title" hidden>
      <h2 id="members-title" tabindex="-1" data-i18n="members">本单位人员</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="manage-classes" id="view-manage-classes" data-testid="view-manage-classes" aria-labelledby="manage-classes-title" hidden>
      <h2 id="manage-classes-title" tabindex="-1" data-i18n="manageClasses">培训班管理</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="requirements" id="view-requirements" data-testid="view-requirements" aria-labelledby="requirements-title" hidden>
      <h2 id="requirements-title" tabindex="-1" data-i18n="requirements">年度学时要求</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="legacy-import" id="view-legacy-import" data-testid="view-legacy-import" aria-labelledby="legacy-import-title" hidden>
      <h2 id="legacy-import-title" tabindex="-1" data-i18n="legacyImport">导入原系统历史数据</h2>
      <div class="slot"></div>
    </section>
    <section class="panel" data-view="audit" id="view-audit" data-testid="view-audit" aria-labelledby="audit-title" hidden>
      <h2 id="audit-title" tabindex="-1" data-i18n="audit">审计：事件日志、完整性校验与数据重放</h2>
      <div class="slot"></div>
    </section>
  </jxjy-config>
</main>
<footer data-i18n="footer">主办单位：广东省人力资源和社会保障厅（演示）　技术支持：jxjy 继续教育管理系统</footer>
</body>
</html>
`;
