import { channelNames, channels } from '../../contract/ipc';
import type { CliCommand } from '../command';

export const channelsCommand: CliCommand = {
  name: 'channels',
  summary: 'List the IPC contract channels that `attest call` can invoke.',
  usage: '[--json]',
  async run() {
    const list = channelNames.map((name) => ({ name, summary: channels[name].summary }));
    const width = Math.max(...list.map((c) => c.name.length));
    return { value: list, human: list.map((c) => `${c.name.padEnd(width)}  ${c.summary}`).join('\n') };
  },
};
