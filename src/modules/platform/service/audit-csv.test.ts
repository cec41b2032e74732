import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '#src/shared/csv.ts';
import { auditCsvHeader, auditCsvLine } from '#src/modules/platform/service/audit-csv.ts';

describe('CSV cells for French spreadsheets', () => {
  it('leaves plain values bare and quotes those with a separator, a quote or a line break', () => {
    expect(csvCell('person.read')).toBe('person.read');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Martin; Jeanne')).toBe('"Martin; Jeanne"');
    expect(csvCell('Jeanne "Jo" Martin')).toBe('"Jeanne ""Jo"" Martin"');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' espace ')).toBe('" espace "');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
  });

  it('separates cells with ; and ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b;c'])).toBe('a;1;;"b;c"\r\n');
  });

  it('writes a French header and one line per entry', () => {
    expect(auditCsvHeader()).toMatch(
      /^N°;Date et heure \(Paris\);Horodatage UTC;Auteur \(identifiant\);Auteur \(nom\);/,
    );
    const line = auditCsvLine({
      seq: 7,
      at: '2026-01-14T23:30:00.000Z',
      actor: { id: '01900000-0000-7000-8000-000000000001', name: 'Dupont; "Jo"', email: 'jo@exemple.test' },
      action: 'membership.update',
      entityType: 'membership',
      entityId: 'm-1',
      personId: null,
      changedFields: ['organizationId', 'role'],
      requestId: 'req-1',
    });
    expect(line).toBe(
      '7;2026-01-15 00:30:00;2026-01-14T23:30:00.000Z;01900000-0000-7000-8000-000000000001;"Dupont; ""Jo""";jo@exemple.test;membership.update;membership;m-1;;organizationId, role;req-1\r\n',
    );
    const systemEntry = {
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      actor: null,
      action: 'retention.run',
      entityType: 'person',
    };
    expect(auditCsvLine({ ...systemEntry, entityId: null, personId: null, changedFields: [], requestId: null })).toBe(
      '1;2026-01-01 01:00:00;2026-01-01T00:00:00.000Z;;;;retention.run;person;;;;\r\n',
    );
  });
});
