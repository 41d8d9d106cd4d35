import { logout, type Me } from './api';
import { h, bi } from './dom';
import { currentLang, roleLabel, setLang } from './i18n';
import { loginPath } from './redirects';

/** The signed-in user in the top bar: name, organisation, roles, and 退出 Sign out. */
export function showSession(container: HTMLElement, user: Me): void {
  const org = user.organisation;
  const signOut = h('button', { type: 'button', class: 'signout' }, ...bi('退出', 'Sign out')) as HTMLButtonElement;
  const failed = h('span', { class: 'signout-failed', role: 'status' });
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    failed.textContent = '';
    try {
      await logout();
      location.assign(loginPath);
    } catch (e) {
      signOut.disabled = false;
      failed.textContent = `退出失败 sign-out failed: ${(e as Error).message}`;
    }
  });

  // The language switch, named in the language it switches to: every page's bilingual labels follow it.
  const english = currentLang() === 'en';
  const language = h('button', { type: 'button', class: 'signout language', lang: english ? 'zh-CN' : 'en' }, english ? '中文' : 'English') as HTMLButtonElement;
  language.addEventListener('click', () => {
    setLang(english ? 'zh-CN' : 'en');
    location.reload();
  });

  container.replaceChildren(
    h(
      'div',
      { class: 'who' },
      h('strong', { class: 'who-name', title: user.userName }, user.displayName || user.userName),
      org ? h('span', { class: 'who-org', title: org.jurisdiction || org.name }, org.name) : null,
    ),
    h(
      'ul',
      { class: 'roles', 'aria-label': '角色 roles' },
      ...user.roles.map((r) => {
        const [zh, en] = roleLabel(r);
        return h('li', { class: 'role', title: english ? zh : en }, english ? en : zh);
      }),
    ),
    failed,
    language,
    signOut,
  );
  container.hidden = false;
}
