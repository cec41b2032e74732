import { writeAudit } from '#src/shared/audit/write.ts';
import type { Actor } from '#src/shared/auth/actor.ts';
import type { Db } from '#src/shared/db/client.ts';
import { parisDayRange } from '#src/shared/time/paris.ts';
import { personScopeOf } from '#src/modules/people/index.ts';
import type {
  ResponseSearchHit,
  ResponseSearchQuery,
  ResponseSearchResult,
} from '#src/modules/forms/api/search.schema.ts';
import type { FormDefinition } from '#src/modules/forms/domain/definition.ts';
import {
  findAnswersWithDefinition,
  searchVisibleResponses,
  setSearchText,
} from '#src/modules/forms/repo/search.repo.ts';
import { responseSearchText } from '#src/modules/forms/service/search-text.ts';

/**
 * Rewrites a response's searchable text from its stored answers; called in the transaction of every
 * write of the answers, so the text never lags behind them.
 */
export async function indexResponseForSearch(tx: Db, workspaceId: string, id: string): Promise<void> {
  const row = await findAnswersWithDefinition(tx, workspaceId, id);
  if (!row) return;
  const text = responseSearchText(row.definition as FormDefinition, row.answers as Record<string, unknown>);
  await setSearchText(tx, workspaceId, id, text);
}

const EXCERPT_LENGTH = 160;

/** Lower-case without accents, one character for one, so a position found here is one in the original. */
const fold = (text: string) =>
  text
    .split('')
    .map((c) => c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()[0] ?? c)
    .join('');

/** A long answer cut around the words found (they are at its start when folding could not locate them). */
export function excerptAround(answer: string, words: string): string {
  if (answer.length <= EXCERPT_LENGTH) return answer;
  const at = Math.max(fold(answer).indexOf(fold(words)), 0);
  const start = Math.max(0, Math.min(at - EXCERPT_LENGTH / 4, answer.length - EXCERPT_LENGTH));
  const end = start + EXCERPT_LENGTH;
  return `${start > 0 ? '…' : ''}${answer.slice(start, end).trim()}${end < answer.length ? '…' : ''}`;
}

const filterNames = ['q', 'template', 'status', 'from', 'to'] as const;

/**
 * Responses of the persons the actor may see, latest first. The search is audited with the names of
 * the criteria used (never the words, which may themselves be sensitive). An excerpt of answers is
 * reading about a person: each response shown with one is audited with its person. A list without
 * words shows no answer, as a person's list of forms does not, and is not audited row by row.
 */
export async function searchResponses(
  db: Db,
  actor: Actor,
  query: ResponseSearchQuery,
  requestId: string,
): Promise<ResponseSearchResult> {
  const rows = await searchVisibleResponses(db, personScopeOf(actor), {
    words: query.q,
    templateId: query.template,
    status: query.status,
    ...parisDayRange(query.from, query.to),
    limit: query.limit,
    offset: query.offset,
  });
  const items = rows.map((r): ResponseSearchHit => {
    const [question, answer] = r.matchedLine?.split('\t') ?? [];
    return {
      id: r.id,
      personId: r.personId,
      personName: `${r.firstName} ${r.lastName}`,
      templateTitle: r.templateTitle,
      status: r.status as ResponseSearchHit['status'],
      date: r.date.toISOString(),
      excerpt: question && answer && query.q ? { question, answer: excerptAround(answer, query.q) } : null,
    };
  });
  await db.transaction(async (tx) => {
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'form_response.search',
      entityType: 'form_response',
      changedFields: filterNames.filter((name) => query[name] !== undefined),
      requestId,
    });
    for (const item of items.filter((i) => i.excerpt)) {
      await writeAudit(tx, {
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'form_response.search_hit',
        entityType: 'form_response',
        entityId: item.id,
        personId: item.personId,
        requestId,
      });
    }
  });
  return { items, total: rows[0]?.total ?? 0, limit: query.limit, offset: query.offset };
}
