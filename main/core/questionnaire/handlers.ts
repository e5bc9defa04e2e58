// IPC handlers of questionnaire templates, questionnaires, answers and scoring.
import type { CoreDeps } from '../core';
import type { HandlerMap } from '../dispatcher';

type QuestionnaireChannels = never;

export function questionnaireHandlers(deps: CoreDeps): Pick<HandlerMap, QuestionnaireChannels> {
  void deps;
  return {};
}
