/**
 * The HTML frame of the built-in templates: one centred column, inline styles (mail clients ignore
 * <style> blocks), a button for the link and the raw link below it for clients that block buttons.
 */
export function layout(lang: string, paragraphs: string[], button?: { label: string; href: string }, footer?: string): string {
  const p = (html: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${html}</p>`;
  const cta = button
    ? `<p style="margin:24px 0"><a href="${button.href}" style="background:#1565c0;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold;display:inline-block">${button.label}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555555;word-break:break-all">${button.href}</p>`
    : "";
  return `<!doctype html>
<html lang="${lang}">
<body style="margin:0;padding:0;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#212121">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:6px"><tr><td style="padding:32px">
<p style="margin:0 0 24px;font-size:14px;color:#555555">{{organizationName}}</p>
${paragraphs.map(p).join("\n")}
${cta}
${footer ? `<p style="margin:24px 0 0;font-size:13px;color:#757575">${footer}</p>` : ""}
</td></tr></table>
</td></tr></table>
</body>
</html>`;
}
