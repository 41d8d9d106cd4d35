import { h } from '../dom';
import type { Me } from '../api';
import { standing } from './api';
import { contractsTable, standingDetails } from './views';
import { eligibilityBox } from './eligibility';
import { teacherPoolCard } from './teachers';

/** `/my/standing` (我的合同与考核, institution staff): the institution's contracts and quotas, review grades and any blacklist entry. */
export async function renderMyStanding(app: HTMLElement, user: Me): Promise<void> {
  document.title = 'Pipeline · 我的合同与考核 My contracts and reviews';
  const s = await standing(user.organisation!.id);
  app.replaceChildren(
    h('section', { class: 'card' },
      h('h2', {}, '我的合同与考核 ', h('small', {}, 'My contracts and reviews')),
      h('p', {}, h('strong', {}, s.name), ' ', h('span', { class: 'muted' }, `${s.jurisdictionName} · ${s.creditCode ?? ''}`)),
      standingDetails(s),
      eligibilityBox(s, 0)),
    h('section', { class: 'card' },
      h('h2', {}, '培训合同 ', h('small', {}, 'Contracts')),
      contractsTable(s.contracts, '我的培训合同 My contracts')),
    teacherPoolCard(s.id, 0, user.roles));
}
