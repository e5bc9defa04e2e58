// Every CLI subcommand, in the order `attest --help` lists them. Each domain adds its
// command module here.
import type { CliCommand } from '../command';
import { channelsCommand } from './channels';

export const commands: CliCommand[] = [channelsCommand];
