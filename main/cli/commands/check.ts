// `attest credential|check`.
import type { CliCommand } from '../command';

export const checkCommands: CliCommand[] = [];
