// `attest recover <file> --out <new>`: salvages a damaged workspace into a new file and
// says what was lost. The damaged file is only read.
import { resolve } from 'node:path';
import { AttestError } from '../../core/errors';
import { recoverWorkspace } from '../../core/workspace';
import type { CliCommand } from '../command';
import { bytes } from '../format';
import { passphraseOptions, requirePassphrase, workspacePassphrase } from '../passphrase';

export const recoverCommand: CliCommand = {
  name: 'recover',
  summary: 'Salvage every authenticated record up to the first bad one into a new workspace; says what was lost.',
  usage: '<file> --out <new-file> [--passphrase-file <file>]',
  options: { ...passphraseOptions, out: { type: 'string' } },
  async run({ positionals, values, io }) {
    const file = positionals[0];
    const out = values.out;
    if (!file || typeof out !== 'string') {
      throw new AttestError('USAGE', 'Usage: attest recover <file> --out <new-file> (the new file must not exist).');
    }
    const passphrase = await requirePassphrase(io, workspacePassphrase(values));
    const r = await recoverWorkspace(resolve(file), resolve(out), passphrase, { actor: 'attest (cli)' });
    const lost = r.lost;
    const lines = [
      `Recovered ${r.to}: ${r.kept.commits} commits after the snapshot (up to commit ${r.kept.lastSeq}), ${r.kept.attachments} attachments, from the first ${bytes(r.kept.bytes)} of ${r.from}.`,
    ];
    if (lost.firstBad) {
      const seqs = lost.commitSeqs ? `, commits ${lost.commitSeqs.first}–${lost.commitSeqs.last} as their frames say` : '';
      lines.push(
        `Lost: ${bytes(lost.bytes)} from byte ${lost.firstBad.offset} on (that record: ${lost.firstBad.reason}); about ${lost.records} records, ${lost.commits} of them commits${seqs}.`,
      );
    } else {
      lines.push('Nothing was damaged: every record authenticated.');
    }
    if (lost.tornTailBytes > 0)
      lines.push(`An unfinished save at the end (${bytes(lost.tornTailBytes)}, never acknowledged) was left out.`);
    if (lost.attachments.length > 0) lines.push(`Attachments lost (their rows removed): ${lost.attachments.join(', ')}.`);
    lines.push('The new workspace has its own id and key and the same passphrase; the damaged file was not changed.');
    return { value: r, human: lines.join('\n') };
  },
};
