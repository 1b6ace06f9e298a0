using System.Security.Cryptography;
using System.Text;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>
/// The one stylesheet of the public pages, inline (no extra request, no external fonts: system Chinese
/// fonts only). The Content-Security-Policy allows exactly this text by its hash, so no other style
/// and no script at all can run, even if a text ever slipped past the encoder.
/// </summary>
public static class PageStyle
{
    public const string Css = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f6f3ee;color:#1f1f1f;font:16px/1.75 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
a{color:#a61b1b}
.top{background:#b3261e;color:#fff}
.top div{max-width:960px;margin:0 auto;padding:12px 16px}
.top a{color:#fff;text-decoration:none;font-weight:600;font-size:17px}
.top small{display:block;opacity:.85;font-size:13px}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:24px;line-height:1.4;margin:8px 0 4px}
h2{font-size:19px;line-height:1.4;margin:0 0 4px}
.meta{color:#6b6b6b;font-size:14px;margin:0 0 12px}
time{white-space:nowrap}
article{max-width:820px}
.lead{color:#444;margin:0 0 16px}
.cards{display:grid;gap:16px;padding:0;margin:0;list-style:none}
.card{background:#fff;border-radius:12px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card>a{display:block;color:inherit;text-decoration:none}
.card .body{padding:12px 16px 16px}
.card p{margin:4px 0 8px;color:#444}
img{display:block;width:100%;height:auto;background:#e7e2da;object-fit:cover}
.thumb{aspect-ratio:16/9}
.tags{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 6px;padding:0;list-style:none}
.tags li{background:#fbe9e7;color:#8c1d18;border-radius:999px;padding:0 10px;font-size:13px;line-height:24px}
.story{font-size:17px;margin:0 0 20px}
.story p{margin:0 0 12px}
.item{margin:0 0 16px}
.photos{display:grid;grid-template-columns:1fr 1fr;gap:4px}
.photos a:only-child{grid-column:1/-1}
.photos img{aspect-ratio:4/3}
.photos a.labelled{position:relative}
.photos a.labelled::after{content:attr(data-label);position:absolute;left:6px;top:6px;padding:1px 6px;border-radius:4px;background:rgba(0,0,0,.6);color:#fff;font-size:12px}
.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;font-size:15px}
.facts dt{color:#6b6b6b}
.facts dd{margin:0}
.stars{color:#e8a317;letter-spacing:1px}
.pager{display:flex;justify-content:space-between;align-items:center;gap:8px;margin:20px 0 8px;font-size:15px}
.pager a{background:#fff;border:1px solid #ddd;border-radius:8px;padding:6px 14px;text-decoration:none}
.empty,.missing{background:#fff;border-radius:12px;padding:32px 20px;text-align:center;color:#444}
.missing h1{font-size:22px}
.also{font-size:15px;margin:0 0 16px}
.steps{list-style:none;margin:8px 0 0;padding:0;font-size:14px}
.steps li{display:flex;justify-content:space-between;gap:8px;border-top:1px solid #f0ebe4;padding:4px 0}
.steps .done{color:#2e7d32}
footer{max-width:960px;margin:8px auto 24px;padding:0 16px;color:#8a8a8a;font-size:13px}
@media (min-width:720px){
h1{font-size:30px}
.cards{grid-template-columns:1fr 1fr}
.with-photos{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:center}
}
.howto{background:#fff;border-left:4px solid #b3261e;border-radius:8px;padding:10px 16px;margin:0 0 16px}
.howto h2{font-size:17px}
.howto p{margin:0;color:#444;font-size:15px}
""";

    /// <summary>The CSP source that allows this stylesheet and nothing else.</summary>
    public static readonly string CspSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";
}
