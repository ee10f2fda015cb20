/**
 * A reviewer's inbox as the task screens use it: `GET /tasks?status=open` page by page (`nextCursor`), read with
 * `?after=` the newest position of work sent to it, so a task whose request was acknowledged is there; and the one
 * decision route for every kind of task.
 */
import type { Session } from '../session.js';

export interface Task {
  taskId: string;
  kind: string;
  subject: { type: string; id: string; title: string };
}

interface TaskPage {
  items: Task[];
  nextCursor: string | null;
}

/** Up to `pages` pages of the caller's open tasks (of `kind`, if given). */
export async function openTasks(reviewer: Session, options: { kind?: string; after?: string; pages?: number; limit?: number } = {}): Promise<Task[]> {
  const { kind, after, pages = 2, limit = 20 } = options;
  const tasks: Task[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const query = new URLSearchParams({ status: 'open', limit: String(limit) });
    if (kind) query.set('kind', kind);
    // The first page waits for the newest work; the following ones continue the same listing.
    if (after && !cursor) query.set('after', after);
    if (cursor) query.set('cursor', cursor);
    const { body }: { body: TaskPage } = await reviewer.call<TaskPage>('GET /tasks', `/tasks?${query.toString()}`);
    tasks.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return tasks;
}

export interface Decided {
  requestId: string;
  status: number;
  position: string;
}

export async function decide(reviewer: Session, taskId: string, decision: 'approve' | 'reject'): Promise<Decided> {
  const answer = await reviewer.call<{ position: string }>('POST /tasks/{id}/decision', `/tasks/${taskId}/decision`, {
    body: decision === 'approve' ? { decision } : { decision, reason: '负载测试：材料不完整，请补充后重新提交' },
    retry: 'as-is',
  });
  return { requestId: answer.requestId, status: answer.status, position: answer.body.position };
}
