/**
 * The demo portal at `/`: a stand-in for a provincial service portal that embeds our components the way a
 * real portal would (one module script, one `<jxjy-config>`). No inline script, so it runs under our CSP.
 * Placeholder until the components' own demo page replaces it.
 */
const TITLE = '广东省专业技术人员继续教育管理系统';

export const portalPage = (): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<script type="module" src="/components/jxjy.js"></script>
<style>
  body { margin: 0; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #303133; background: #f5f7fa; }
  .portal-header { background: #1d5fa8; color: #fff; padding: 0 24px; }
  .portal-header .brand { font-size: 22px; font-weight: 600; line-height: 64px; letter-spacing: 1px; }
  .portal-nav { background: #174f8c; padding: 0 24px; }
  .portal-nav a { color: #fff; display: inline-block; padding: 10px 16px; text-decoration: none; }
  main { max-width: 1100px; margin: 24px auto; padding: 0 16px; }
  .panel { background: #fff; border: 1px solid #e4e7ed; border-radius: 4px; padding: 20px; margin-bottom: 16px; }
  .panel h2 { font-size: 18px; margin: 0 0 12px; border-left: 4px solid #1d5fa8; padding-left: 8px; }
  .hint { display: none; color: #909399; }
  jxjy-config:not(:defined) .hint { display: block; }
  footer { text-align: center; color: #909399; font-size: 13px; padding: 24px; }
</style>
</head>
<body>
<header class="portal-header"><div class="brand">${TITLE}</div></header>
<nav class="portal-nav" aria-label="主导航">
  <a href="/">首页</a><a href="#credits">学时登记</a><a href="#classes">培训班</a><a href="#certificate">证书</a><a href="/docs">接口文档</a>
</nav>
<main>
  <jxjy-config api-base="">
    <p class="hint">组件尚未加载。请先运行 <code>npm run build:components</code>。</p>
    <section class="panel"><h2>登录</h2><jxjy-login></jxjy-login></section>
    <section class="panel" id="credits"><h2>学时登记</h2><jxjy-credit-records></jxjy-credit-records></section>
    <section class="panel" id="classes"><h2>培训班</h2><jxjy-class-catalog></jxjy-class-catalog></section>
    <section class="panel" id="certificate"><h2>继续教育证书</h2><jxjy-certificate></jxjy-certificate></section>
  </jxjy-config>
</main>
<footer>演示门户 · 专业技术人员继续教育（jxjy）</footer>
</body>
</html>
`;
