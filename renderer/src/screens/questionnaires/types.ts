// Contract types the questionnaire screens use, gathered in one import.
export type {
  AnswerSource,
  AnswerValue,
  AnswerView,
  CarryReport,
  Conclusion,
  ExpectedAnswer,
  GapView,
  ImportCounts,
  ImportProblem,
  Note,
  Question,
  QuestionType,
  QuestionnaireComparison,
  QuestionnaireSummary,
  ScoreView,
  TemplateBody,
  TemplateItem,
  TemplateSection,
  TemplateSummary,
  VendorFindingView,
} from '../../../../main/contract/questionnaire';
export type { ResponseOf } from '../../../../main/contract/ipc';
