// `attest report|verify-report|export`.
import type { CliCommand } from '../command';

export const reportCommands: CliCommand[] = [];
