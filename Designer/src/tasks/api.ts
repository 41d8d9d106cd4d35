import { request } from '../http';

/** One open user task (`GET /api/tasks`). */
export interface TaskItem {
  instanceId: string;
  bookmarkId: string;
  businessKey: string | null;
  processId: string;
  version: number;
  nodeId: string;
  name: string;
  candidateGroups: string[];
  createdAt: string;
  dueAt: string | null;
  institutionId: string | null;
  institutionName: string | null;
  jurisdiction: string | null;
  /** Who has signed this co-signing already (display names). */
  coSignedBy: string[];
  /** The task's form (`zeebe:formDefinition formId`), null when it has none. */
  formId?: string | null;
  /** Who claimed it (account id), null while unclaimed; `assigneeName` names them. */
  assignee?: string | null;
  assigneeName?: string | null;
}

/** The caller's open tasks in reach (all their roles). */
export async function listTasks(): Promise<TaskItem[]> {
  return (await request('/api/tasks/', { noStore: true })).json();
}

/**
 * Completes a task as the signed-in user. Rejects with an ApiError whose problem names the rule for a refusal
 * (R-QJ-8 co-signing, R-YN-10 segregation of duties, R-YN-11 recusal) in Chinese first.
 */
export async function completeTask(
  task: TaskItem, outcome: 'approve' | 'reject' | 'done', comment: string, internal: boolean, variables?: Record<string, unknown>,
): Promise<void> {
  await request(`/api/tasks/${task.instanceId}/${task.bookmarkId}/complete`, {
    method: 'POST',
    body: { outcome, comment: comment || null, internal, ...(variables ? { variables } : {}) },
  });
}

/** The task as `POST …/claim` and `…/unclaim` answer it. */
export interface TaskClaim {
  assignee: string | null;
  assigneeName: string | null;
}

/** Claims the task for the signed-in user; a 409 names who holds it ("已由 张三 认领"). */
export async function claimTask(task: TaskItem): Promise<TaskClaim> {
  return (await request(`/api/tasks/${task.instanceId}/${task.bookmarkId}/claim`, { method: 'POST', body: {} })).json();
}

/** Releases the claim (one's own; an administrator's release of anyone's). */
export async function unclaimTask(task: TaskItem): Promise<TaskClaim> {
  return (await request(`/api/tasks/${task.instanceId}/${task.bookmarkId}/unclaim`, { method: 'POST', body: {} })).json();
}
