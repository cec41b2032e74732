import { verifyAuditChain, type ChainBreak } from '#src/shared/audit/verify.ts';
import type { Db } from '#src/shared/db/client.ts';
import { messages } from '#src/shared/i18n/fr.ts';
import { listAuditedWorkspaces } from '#src/modules/platform/repo/audit.repo.ts';

export type WorkspaceChainResult = {
  workspaceId: string;
  workspaceName: string | null;
  rows: number;
  /** The first anomaly in seq order: later ones usually follow from it. */
  firstBreak: ChainBreak | null;
  breakCount: number;
};

export type AuditVerification = { ok: boolean; workspaces: WorkspaceChainResult[] };

/** Recomputes the hash chain of every workspace, one after the other (each in bounded batches). */
export async function verifyAllAuditChains(db: Db, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  const results: WorkspaceChainResult[] = [];
  for (const workspace of await listAuditedWorkspaces(db)) {
    const report = await verifyAuditChain(db, workspace.id, options.batchSize);
    results.push({
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      rows: report.rows,
      firstBreak: report.breaks[0] ?? null,
      breakCount: report.breaks.length,
    });
  }
  return { ok: results.every((r) => r.firstBreak === null), workspaces: results };
}

/** The French report printed by `npm run audit:verify`: one line per workspace, then a verdict. */
export function formatAuditVerification(verification: AuditVerification): string {
  const t = messages.audit;
  const lines = [t.verifyTitle, ''];
  if (verification.workspaces.length === 0) return [...lines, t.verifyNone].join('\n');
  for (const w of verification.workspaces) {
    const head = `${t.verifyWorkspace(w.workspaceName, w.workspaceId)} : ${t.verifyRows(w.rows)}`;
    if (!w.firstBreak) {
      lines.push(`${head} — ${t.verifyOk}.`);
      continue;
    }
    lines.push(
      `${head} — ${t.verifyBroken(w.firstBreak.seq, t.verifyReasons[w.firstBreak.reason])} (${t.verifyMoreBreaks(w.breakCount)}).`,
    );
  }
  const broken = verification.workspaces.filter((w) => w.firstBreak).length;
  lines.push(
    '',
    broken === 0
      ? t.verifySummaryOk(verification.workspaces.length)
      : t.verifySummaryBroken(broken, verification.workspaces.length),
  );
  return lines.join('\n');
}
