import { ApiError, login, type Me } from './api';
import { h } from './dom';
import { antiforgeryToken } from './http';
import { currentLang, setLang, t, type Lang, type TextKey } from './i18n';
import { returnUrlParam, safeReturnUrl } from './redirects';

/** A failed sign-in as [message, English line under it (when Chinese is chosen), or null]. */
function failure(e: unknown, lang: Lang): [string, string | null] {
  const say = (key: TextKey, ...args: string[]): [string, string | null] =>
    lang === 'en' ? [t(key, 'en', ...args), null] : [t(key, 'zh-CN', ...args), t(key, 'en', ...args)];
  if (!(e instanceof ApiError)) return [`${t('failed', lang)}: ${String(e)}`, null];
  if (e.status === 429) {
    const seconds = e.retryAfter && /^\d+$/.test(e.retryAfter) ? e.retryAfter : null;
    const [text, en] = say('tooManyAttempts');
    if (!seconds) return [text, en];
    return [text + t('retryAfter', lang, seconds), en && en + t('retryAfter', 'en', seconds)];
  }
  if (e.problem?.detail) return [e.problem.detail, null];
  if (e.status === 401) return say(e.problem?.lockedOut === true ? 'lockedOut' : 'wrongCredentials');
  const [text, en] = say('failed');
  return [`${text} (${e.message})`, en];
}

/** The sign-in page at /login: user name and password, 中文 / English, back to `?returnUrl=` afterwards. */
export function renderLogin(app: HTMLElement, signedIn: Promise<Me | null>): void {
  let lang = currentLang();
  let error: unknown = null;
  let sending = false;
  let signedInAs: string | null = null;
  const target = safeReturnUrl(returnUrlParam());
  void antiforgeryToken().catch(() => undefined); // ready before the first click; login() fetches it again if this failed

  const heading = h('h1', { id: 'login-heading' });
  const product = h('p', { class: 'login-product' });
  const alert = h('div', { class: 'login-alert', role: 'alert', hidden: '' });
  const signedInText = h('span', {});
  const continueLink = h('a', { href: target });
  const signedInNote = h('p', { class: 'login-note', hidden: '' }, signedInText, ' · ', continueLink);
  const userLabel = h('label', { for: 'login-user' });
  const user = h('input', {
    id: 'login-user',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: '',
  }) as HTMLInputElement;
  const passwordLabel = h('label', { for: 'login-password' });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: '',
  }) as HTMLInputElement;
  const submit = h('button', { type: 'submit', class: 'primary' }) as HTMLButtonElement;
  const hint = h('p', { class: 'login-hint' });
  const form = h('form', { class: 'login-form', 'aria-labelledby': 'login-heading' }, userLabel, user, passwordLabel, password, submit);

  const langButtons = (['zh-CN', 'en'] as Lang[]).map((l) => {
    const b = h('button', { type: 'button', lang: l }, l === 'en' ? 'English' : '中文') as HTMLButtonElement;
    b.addEventListener('click', () => {
      lang = l;
      setLang(l);
      texts();
    });
    return b;
  });

  function texts(): void {
    document.documentElement.lang = lang;
    document.title = t('pageTitle', lang);
    heading.textContent = t('heading', lang);
    product.textContent = t('product', lang);
    userLabel.textContent = t('userName', lang);
    passwordLabel.textContent = t('password', lang);
    submit.textContent = t(sending ? 'sending' : 'submit', lang);
    hint.textContent = t('hint', lang);
    signedInText.textContent = t('signedInAs', lang, signedInAs ?? '');
    signedInNote.hidden = signedInAs === null;
    continueLink.textContent = `${t('continue', lang)} →`;
    const [message, english] = error === null ? ['', null] : failure(error, lang);
    alert.replaceChildren(message, english ? h('small', {}, english) : '');
    alert.hidden = error === null;
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.lang === lang));
  }

  signedIn
    .then((me) => {
      if (!me) return;
      signedInAs = me.displayName || me.userName;
      texts();
    })
    .catch(() => undefined);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sending) return;
    sending = true;
    error = null;
    submit.disabled = true;
    texts();
    try {
      await login(user.value.trim(), password.value);
      location.replace(target); // stays "signing in…" while the next page loads
    } catch (err) {
      error = err;
      sending = false;
      submit.disabled = false;
      texts();
      password.focus();
      password.select();
    }
  });

  document.body.classList.add('on-login');
  app.replaceChildren(
    h(
      'section',
      { class: 'card login-card' },
      h('div', { class: 'login-top' }, h('span', { class: 'login-mark', 'aria-hidden': 'true' }, 'P'),
        h('div', { class: 'lang-switch', role: 'group', 'aria-label': 'Language 语言' }, ...langButtons)),
      heading,
      product,
      signedInNote,
      alert,
      form,
      hint,
    ),
  );
  texts();
  user.focus();
}
