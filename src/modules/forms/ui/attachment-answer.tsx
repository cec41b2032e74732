import { messages } from '#src/shared/i18n/fr.ts';
import type { Question } from '#src/modules/forms/api/form.schema.ts';
import { attachmentUrl } from '#src/modules/forms/ui/attachment-io.ts';

const t = messages.forms.attachments;

/** A saved photo, document or signature in a response being read. */
export function AttachmentAnswer({ question: q, id }: { question: Question; id: string }) {
  if (q.type === 'photo') return <img className="attachment-thumb" src={attachmentUrl(id)} alt={q.label} />;
  if (q.type === 'signature') {
    return <img className="signature-image" src={attachmentUrl(id)} alt={t.signature.signedImageAlt(q.label)} />;
  }
  return <a href={attachmentUrl(id)}>{t.open(q.label)}</a>;
}
