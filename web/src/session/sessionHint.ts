// A hint, not a secret: whether this browser had a session when the console last ran (the session cookie itself is
// HttpOnly). It only decides whether the signed-in console is fetched before the session check answers.
const key = 'gj.hadSession';

export function hadSession(): boolean {
  try { return localStorage.getItem(key) === '1'; } catch { return false; }
}

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(key, '1'); else localStorage.removeItem(key);
  } catch { /* storage refused (private mode): the hint is only an optimisation */ }
}
