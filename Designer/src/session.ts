import { logout, type Me } from './api';
import { h } from './dom';
import { roleLabel } from './i18n';
import { loginPath } from './redirects';

/** The signed-in user in the top bar: name, organisation, roles, and 退出 Sign out. */
export function showSession(container: HTMLElement, user: Me): void {
  const org = user.organisation;
  const signOut = h('button', { type: 'button', class: 'signout' }, '退出 ', h('small', {}, 'Sign out')) as HTMLButtonElement;
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
        return h('li', { class: 'role', title: en }, zh);
      }),
    ),
    failed,
    signOut,
  );
  container.hidden = false;
}
