import { useState, type FormEvent } from 'react';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../api/client';

/**
 * The sign-in form in plain React and CSS (console.css, styled like the console's Ant Design parts): it is all a
 * first visit has to run before the form can be used; the rest of the console loads meanwhile.
 */
export function SignInPage() {
  const { signIn, notice } = useSession();
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!key.trim()) { setMissing(true); return; }
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '登录失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-screen">
      <section className="signin-card" aria-labelledby="signin-title">
        <h1 id="signin-title" className="signin-title"><svg className="signin-icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="8" cy="15" r="4.5" /><path d="M11.2 11.8 20 3M16.5 6.5l2.5 2.5M14 9l2 2" /></svg>共建工作台 · 工作人员登录</h1>
        <div className="signin-body">
          <p className="muted">请粘贴您的工作人员密钥（以 gjk_ 开头）。登录后浏览器只保存登录状态，不保存密钥。</p>
          {notice && !error && <p className="signin-alert info" role="status">{notice}</p>}
          {error && <p className="signin-alert error" role="alert" data-testid="signin-error">{error}</p>}
          <form onSubmit={submit} noValidate>
            <label htmlFor="signin-key" className="signin-label">密钥</label>
            <div className={missing ? 'signin-input invalid' : 'signin-input'}>
              <input id="signin-key" type={shown ? 'text' : 'password'} placeholder="gjk_…" autoComplete="off" spellCheck={false}
                value={key} aria-invalid={missing} aria-describedby={missing ? 'signin-key-missing' : undefined}
                onChange={(e) => { setKey(e.target.value); if (e.target.value.trim()) setMissing(false); }} />
              <button type="button" className="signin-eye" onClick={() => setShown(!shown)} aria-label={shown ? '隐藏密钥' : '显示密钥'}>
                {shown ? '隐藏' : '显示'}
              </button>
            </div>
            {missing && <p id="signin-key-missing" className="signin-missing">请输入密钥</p>}
            <button type="submit" className="signin-submit" disabled={busy} aria-busy={busy}>{busy ? '登录中…' : '登录'}</button>
          </form>
        </div>
      </section>
    </div>
  );
}
