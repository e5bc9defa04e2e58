// `attest template list|show|import` and `attest questionnaire export|import|score`.
import type { CliCommand } from '../command';

export const questionnaireCommands: CliCommand[] = [];
