import { useEffect, useMemo, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { discardQueued, findQueued, listOutbox, queueAttachment } from '#src/shared/offline/outbox.ts';
import { syncNow } from '#src/shared/offline/sync.ts';
import { ApiError } from '#src/shared/ui/api.ts';
import { attachmentUrl, type AttachmentIo } from '#src/modules/forms/ui/attachment-io.ts';

/**
 * Attachments kept on the device first, like answers: a photo taken with no network waits in the
 * outbox (sent before the answers that name it) and shows from the device until then.
 */
export function useDeviceAttachments(personId: string): AttachmentIo {
  const [local, setLocal] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    void listOutbox().then((items) => {
      if (!live) return;
      const kept = new Map<string, string>();
      for (const item of items) {
        if (item.kind !== 'attachment' || item.personId !== personId) continue;
        const url = URL.createObjectURL(item.payload.blob);
        urls.push(url);
        kept.set(item.key, url);
      }
      setLocal((shown) => new Map([...kept, ...shown]));
    });
    return () => {
      live = false;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [personId]);

  return useMemo(
    () => ({
      async upload(file, meta) {
        await queueAttachment({
          key: meta.id,
          personId,
          label: messages.offline.attachment.label(meta.name),
          payload: { attachmentKind: meta.kind, name: meta.name, type: file.type, blob: file },
        });
        setLocal((shown) => new Map(shown).set(meta.id, URL.createObjectURL(file)));
        if (navigator.onLine) await syncNow();
        const after = await findQueued(meta.id);
        if (after?.status === 'rejected') {
          // Refused (too large, wrong type): the user picks another file; nothing stays queued.
          await discardQueued(after.id);
          throw new ApiError(400, 'validation_failed', after.error ?? '', after.issues ?? []);
        }
        return { id: meta.id };
      },
      urlOf: (id) => local.get(id) ?? attachmentUrl(id),
    }),
    [personId, local],
  );
}
