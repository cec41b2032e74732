import { use, useRef, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import {
  AttachmentIoContext,
  type AttachmentFieldProps,
  downscalePhoto,
  jpegName,
  newAttachmentId,
  problemBeforeUpload,
  uploadError,
} from '#src/modules/forms/ui/attachment-io.ts';
import { SignatureField } from '#src/modules/forms/ui/signature-field.tsx';

const t = messages.forms.attachments;

const accept = { photo: 'image/*', file: 'application/pdf,image/jpeg,image/png' };

/** A photo, document or signature question: the answer is the id of the stored attachment. */
export function AttachmentField(props: AttachmentFieldProps) {
  if (props.question.type === 'signature') return <SignatureField {...props} />;
  return <UploadField {...props} kind={props.question.type === 'photo' ? 'photo' : 'file'} />;
}

function UploadField({
  question: q,
  id,
  label,
  extra,
  describedBy,
  invalid,
  value,
  onChange,
  kind,
}: AttachmentFieldProps & { kind: 'photo' | 'file' }) {
  const io = use(AttachmentIoContext);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Name and size are known right after choosing; a saved answer shows a link instead.
  const [chosen, setChosen] = useState<{ id: string; name: string; size: number } | null>(null);
  const problemId = `${id}-upload-error`;

  const choose = async (file: File | undefined) => {
    if (!file || !io) return;
    setProblem(null);
    try {
      let blob: Blob = file;
      let name = file.name;
      if (kind === 'photo') {
        setStatus(t.preparing);
        try {
          blob = await downscalePhoto(file);
          name = jpegName(file.name);
        } catch {
          setProblem(t.notAnImage);
          return;
        }
      }
      const before = problemBeforeUpload(kind, blob);
      if (before) {
        setProblem(before);
        return;
      }
      setStatus(t.uploading);
      const stored = await io.upload(blob, { id: newAttachmentId(), kind, name });
      setChosen({ id: stored.id, name, size: blob.size });
      onChange(stored.id);
    } catch (error) {
      setProblem(uploadError(error));
    } finally {
      setStatus(null);
      // The same file may be chosen again after a failure or a removal.
      if (input.current) input.current.value = '';
    }
  };

  const remove = () => {
    onChange(null);
    setChosen(null);
    input.current?.focus();
  };

  return (
    <div className={invalid || problem ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {extra}
      {problem && (
        <p className="field__error" id={problemId}>
          {problem}
        </p>
      )}
      {value && io && (
        <div className="attachment-current">
          {kind === 'photo' ? (
            <img className="attachment-thumb" src={io.urlOf(value)} alt={q.label} />
          ) : chosen?.id === value ? (
            <p>
              {chosen.name} ({t.size(chosen.size / 1024)})
            </p>
          ) : (
            <p>
              <a href={io.urlOf(value)}>{t.attached}</a>
            </p>
          )}
          <button type="button" className="button" onClick={remove} aria-label={`${t.remove} : ${q.label}`}>
            {t.remove}
          </button>
        </div>
      )}
      <p className="field__hint" id={`${id}-action`}>
        {kind === 'photo' ? (value ? t.replacePhoto : t.choosePhoto) : value ? t.replaceFile : t.chooseFile}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept[kind]}
        capture={kind === 'photo' ? 'environment' : undefined}
        disabled={!io || status !== null}
        aria-invalid={invalid || problem ? true : undefined}
        aria-describedby={[describedBy, `${id}-action`, problem ? problemId : null].filter(Boolean).join(' ')}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      <p role="status" className="attachment-status">
        {status}
      </p>
    </div>
  );
}
