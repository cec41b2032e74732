import { describe, expect, it } from 'vitest';
import {
  isSensitivePersonField,
  sensitivePersonFields,
  withoutSensitiveFields,
} from '#src/modules/people/domain/sensitive-fields.ts';

describe('sensitive field registry', () => {
  it('tags the health and income fields, and only them', () => {
    for (const field of ['resourcesBand', 'gir', 'girAssessedOn', 'legalProtectionKind', 'healthNote'])
      expect(isSensitivePersonField(field), field).toBe(true);
    for (const field of ['firstName', 'birthDate', 'tenure', 'floor', 'phone'])
      expect(isSensitivePersonField(field), field).toBe(false);
  });

  it('drops every registered field for a reader without the permission and keeps the rest', () => {
    const record = {
      firstName: 'Germaine',
      floor: 3,
      ...Object.fromEntries(sensitivePersonFields.map((f) => [f, 'x'])),
    };
    expect(withoutSensitiveFields(record, false)).toEqual({ firstName: 'Germaine', floor: 3 });
    expect(withoutSensitiveFields(record, true)).toEqual(record);
  });
});
