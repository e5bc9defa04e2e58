// `attest report|verify-report|export`: issue a (signed) report from a workspace, verify
// any signed report without one, and write the standard exports.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REPORT_CLASSIFICATIONS, type ReportClassification } from '../../contract/report';
import { AttestError } from '../../core/errors';
import { issueReport } from '../../core/report/issue';
import { importPkcs12, type SigningIdentity } from '../../core/signing/identity';
import { parseCertificateFile } from '../../core/signing/store';
import { verdictSummary } from '../../core/signing/verdict-words';
import { verifyPdfSignature, type VerdictStatus } from '../../core/signing/verify';
import { nowDate, systemClock } from '../../core/time/clock';
import type { CliCommand } from '../command';
import { invoke } from '../cli-core';
import { facts } from '../format';
import { openOptions, requirePassphrase } from '../passphrase';
import { withWorkspace } from './catalog';

/** Exit codes of verify-report: 0 only for a valid, trusted, unmodified signature. */
export const VERIFY_EXIT: Record<VerdictStatus, number> = {
  valid: 0,
  invalid: 60,
  'modified-after-signing': 61,
  untrusted: 62,
  unsigned: 63,
};

async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (cause) {
    throw new AttestError('WRITE_FAILED', `Cannot write ${path}; check the folder exists and is writable.`, { cause });
  }
}

async function readIn(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new AttestError('NOT_FOUND', `Cannot read the ${what} ${path}.`, { cause });
  }
}

const reportUsage =
  'report <workspace> --assessment <id>|--vendor <id> --out <pdf> [--classification PUBLIC|INTERNAL|CONFIDENTIAL|RESTRICTED] [--sign <p12> --sign-passphrase-file <file>] [--passphrase-file <file>]';

export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'Issue a report of an assessment (or vendor) as PDF, signed with a PKCS#12 identity when --sign is given; recorded in the workspace.',
  usage: reportUsage.replace(/^report /, ''),
  options: {
    ...openOptions,
    assessment: { type: 'string' },
    vendor: { type: 'string' },
    out: { type: 'string' },
    classification: { type: 'string' },
    sign: { type: 'string' },
    'sign-passphrase-file': { type: 'string' },
  },
  async run(input) {
    const v = input.values;
    const assessment = typeof v.assessment === 'string' ? v.assessment : undefined;
    const vendor = typeof v.vendor === 'string' ? v.vendor : undefined;
    if (!assessment === !vendor)
      throw new AttestError('USAGE', `Give exactly one of --assessment or --vendor. Usage: attest ${reportUsage}`);
    if (typeof v.out !== 'string') throw new AttestError('USAGE', `Missing --out <pdf>. Usage: attest ${reportUsage}`);
    const classification = (typeof v.classification === 'string' ? v.classification.toUpperCase() : 'CONFIDENTIAL') as ReportClassification;
    if (!REPORT_CLASSIFICATIONS.includes(classification))
      throw new AttestError('USAGE', `The classification must be one of ${REPORT_CLASSIFICATIONS.join(', ')}.`);
    // The signing identity is read before the workspace opens, so a wrong passphrase costs nothing.
    let identity: SigningIdentity | undefined;
    if (typeof v.sign === 'string') {
      const p12 = await readIn(resolve(v.sign), 'signing identity');
      const pass = await requirePassphrase(input.io, {
        file: v['sign-passphrase-file'],
        option: 'sign-passphrase-file',
        envVar: 'ATTEST_SIGN_PASSPHRASE',
        label: 'Signing identity passphrase',
      });
      identity = importPkcs12(p12, pass);
    }
    const out = resolve(v.out);
    const result = await withWorkspace(input, reportUsage, async (core) => {
      const ws = core.session.workspace();
      return issueReport(
        { kind: assessment ? 'engagement' : 'vendor', subjectId: (assessment ?? vendor)!, classification },
        // The CLI serves no UI: render in this thread.
        { ws, actor: `${process.env.USER ?? 'user'} (cli)`, inThread: true, ...(identity ? { identity } : {}) },
      );
    });
    await writeOut(out, result.pdf);
    const r = result.report;
    return {
      value: { ...r, path: out },
      human: facts([
        ['Report', r.id],
        ['Title', r.title],
        ['Written to', out],
        ['Size', `${r.size} bytes`],
        ['SHA-256', r.sha256],
        ['Signed by', r.signerName ? `${r.signerName} (${r.signerFingerprint})` : 'not signed'],
      ]),
    };
  },
};

const verifyUsage = 'verify-report <pdf> [--trust <certificate.pem|fingerprint>]…';

export const verifyReportCommand: CliCommand = {
  name: 'verify-report',
  summary:
    'Verify the signature of a report PDF (exit 0 only when valid; 60 invalid, 61 modified after signing, 62 untrusted signer, 63 unsigned).',
  usage: verifyUsage.replace(/^verify-report /, ''),
  options: { trust: { type: 'string', multiple: true } },
  async run(input) {
    const file = input.positionals[0];
    if (!file) throw new AttestError('USAGE', `Missing the PDF. Usage: attest ${verifyUsage}`);
    const pdf = await readIn(resolve(file), 'report');
    const trusted: string[] = [];
    for (const t of (input.values.trust as string[] | undefined) ?? []) {
      // A fingerprint pins a certificate; anything else is a certificate file.
      if (/^[0-9A-Fa-f:]{64,95}$/.test(t)) trusted.push(t);
      else trusted.push(parseCertificateFile(await readIn(resolve(t), 'certificate'), t).toString());
    }
    // The CLI's core runs on the system clock; the path is checked now, not at the signing time the signer claims.
    const v = await verifyPdfSignature(pdf, { trusted, now: nowDate(systemClock) });
    const summary = verdictSummary(v);
    return {
      value: { ...v, summary },
      human: [
        summary,
        facts([
          ['Signer', v.signer ? `${v.signer.subject}` : null],
          ['Fingerprint', v.signer?.fingerprint],
          ['Signed at', v.signingTime],
          ['Reason', v.reason],
          ['Location', v.location],
          ['Type', v.checks.subFilter],
          ['Path', v.path ? v.path.chain.map((c) => c.commonName).join(', issued by ') : null],
          ['Checked at', v.path?.checkedAt],
        ]),
        ...v.problems.map((p) => `- ${p}`),
      ].join('\n'),
      exitCode: VERIFY_EXIT[v.status],
    };
  },
};

const EXPORTS = {
  'oscal-ap': 'export.oscalAssessmentPlan',
  'oscal-ar': 'export.oscalAssessmentResults',
  'oscal-poam': 'export.oscalPoam',
  'findings-csv': 'export.findingsCsv',
  'findings-xlsx': 'export.findingsXlsx',
} as const;

const exportUsage = `export <workspace> ${Object.keys(EXPORTS).join('|')} --assessment <id> --out <file> [--passphrase-file <file>]`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export an assessment as OSCAL assessment-plan, assessment-results or POA&M JSON, or its findings as CSV or XLSX.',
  usage: exportUsage.replace(/^export /, ''),
  options: { ...openOptions, assessment: { type: 'string' }, out: { type: 'string' } },
  async run(input) {
    const format = input.positionals[1] as keyof typeof EXPORTS | undefined;
    if (!format || !(format in EXPORTS)) throw new AttestError('USAGE', `Name the export format. Usage: attest ${exportUsage}`);
    const assessmentId = input.values.assessment;
    const outPath = input.values.out;
    if (typeof assessmentId !== 'string' || typeof outPath !== 'string')
      throw new AttestError('USAGE', `Give --assessment and --out. Usage: attest ${exportUsage}`);
    const d = await withWorkspace(input, exportUsage, (core) => invoke(core, EXPORTS[format], { assessmentId }));
    const out = resolve(outPath);
    await writeOut(out, Buffer.from(d.dataBase64, 'base64'));
    return { value: { format, path: out, size: d.size }, human: `Wrote ${d.size} bytes of ${format} to ${out}.` };
  },
};

const importUsage = 'import <workspace> oscal-ar <results.json> [--passphrase-file <file>]';

export const importResultsCommand: CliCommand = {
  name: 'import',
  summary: 'Rebuild an assessment (results, findings, evidence) from OSCAL assessment results exported by Attest.',
  usage: importUsage.replace(/^import /, ''),
  options: openOptions,
  async run(input) {
    const [, format, file] = input.positionals;
    if (format !== 'oscal-ar' || !file) throw new AttestError('USAGE', `Name the format and the file. Usage: attest ${importUsage}`);
    const path = resolve(file);
    const bytes = await readIn(path, 'assessment results');
    const a = await withWorkspace(input, importUsage, (core) =>
      invoke(core, 'import.oscalAssessmentResults', { file: { name: file, dataBase64: bytes.toString('base64') } }),
    );
    return {
      value: a,
      human: `Imported assessment "${a.name}" as ${a.id}: ${a.assessed} of ${a.total} controls assessed, ${a.openFindings} open findings.`,
    };
  },
};

export const reportCommands: CliCommand[] = [reportCommand, verifyReportCommand, exportCommand, importResultsCommand];
