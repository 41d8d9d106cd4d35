/** The sign-in page's two languages: the choice is kept in localStorage `pipeline.lang`, Chinese by default. */
export type Lang = 'zh-CN' | 'en';

const storageKey = 'pipeline.lang';

export function currentLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Stores the choice and sets `<html lang>`. */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
}

const texts = {
  pageTitle: ['登录 · Pipeline', 'Sign in · Pipeline'],
  heading: ['登录', 'Sign in'],
  product: ['Pipeline 职业技能培训案件系统', 'Pipeline vocational training case system'],
  userName: ['用户名', 'User name'],
  password: ['密码', 'Password'],
  submit: ['登录', 'Sign in'],
  sending: ['正在登录…', 'Signing in…'],
  wrongCredentials: ['用户名或密码错误', 'Wrong user name or password'],
  lockedOut: ['账户已锁定，请稍后再试', 'The account is locked, try again later'],
  tooManyAttempts: ['登录尝试过多，请稍后再试', 'Too many attempts, try again later'],
  retryAfter: ['（{0} 秒后可重试）', ' (retry in {0} s)'],
  failed: ['登录失败', 'Sign-in failed'],
  signedInAs: ['当前已登录：{0}', 'Signed in as {0}'],
  continue: ['继续', 'Continue'],
  hint: ['仅限授权人员使用。忘记密码请联系本单位系统管理员。', "For authorised staff only. Forgot your password? Ask your organisation's administrator."],
} satisfies Record<string, [string, string]>;

export type TextKey = keyof typeof texts;

/** The text in the chosen language; `{0}`, `{1}` … replaced by `args`. */
export function t(key: TextKey, lang: Lang = currentLang(), ...args: string[]): string {
  const text = texts[key][lang === 'en' ? 1 : 0];
  return text.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

const roles: Record<string, [string, string]> = {
  admin: ['管理员', 'administrator'],
  reviewer: ['经办人', 'reviewer'],
  approver: ['审批人(科室/单位负责人)', 'approver (head of section or unit)'],
  inspector: ['督查人员', 'inspector'],
  finance: ['财务人员', 'finance'],
  institution: ['培训机构', 'training institution'],
};

/** A role's label: [Chinese, English]; an unknown role as it is. */
export function roleLabel(role: string): [string, string] {
  return roles[role] ?? [role, role];
}
