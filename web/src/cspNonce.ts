/** The per-request Content-Security-Policy nonce the server writes into the page; Ant Design's run-time styles carry it. */
export function cspNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}
