export {
  parseCalendarItem,
  parseEvent,
  parseTask,
  type SerializeCalendarOptions,
  serializeCalendarItem,
  serializeEvent,
  serializeTask,
} from './codec.js';
export {
  CALENDAR_CONTENT_TYPES,
  type CalendarContentType,
  type CalendarFormat,
  calendarFormatOf,
  contentTypeOfCalendarFormat,
  familyOfCalendarFormat,
  isCalendarContentType,
} from './content-type.js';
export {
  CalendarCodecError,
  type CalendarErrorCode,
  type CalendarErrorLocation,
  type CalendarErrorStatus,
} from './errors.js';
export {
  CALENDAR_PROPERTY_FIELDS,
  type CalendarField,
  calendarFieldsOfFormat,
  EVENT_FIELDS,
  fieldsFromCtCap,
  TASK_FIELDS,
} from './merge/fields.js';
export { mergeCalendarItem, mergeEvent, mergeTask } from './merge/merge.js';
export type {
  AbsoluteTrigger,
  Alarm,
  AlarmTrigger,
  Attendee,
  CalendarEvent,
  CalendarItem,
  CalendarItemBase,
  CalendarTask,
  CalendarTime,
  DateValue,
  Extension,
  ExtensionParam,
  FloatingTime,
  Frequency,
  Participant,
  RecurrenceRule,
  RelativeTrigger,
  SifElementExtension,
  SourceFormat,
  TimeZoneDefinition,
  TimeZoneObservance,
  UtcTime,
  VersitComponentExtension,
  VersitPropertyExtension,
  Weekday,
  WeekdayNum,
  ZonedTime,
} from './model/types.js';
export {
  type CalendarParseOptions,
  type CalendarSerializeOptions,
  DEFAULT_DAYLIGHT_YEARS,
  DEFAULT_MAX_EXPANDED_OCCURRENCES,
  DEFAULT_MAX_ITEM_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_PROPERTIES,
  DEFAULT_MAX_RECURRENCE_DATES,
  DEFAULT_MAX_RULE_PERIODS,
} from './options.js';
export {
  DEFAULT_MAX_OCCURRENCES,
  expandOccurrences,
  type OccurrenceOptions,
} from './recurrence/occurrences.js';
export {
  formatRRule,
  formatVCalRRule,
  parseRRule,
  parseVCalRRule,
  type VCalRuleOptions,
} from './recurrence/rule-text.js';
export type { VCalCountMode } from './recurrence/vcal-rule.js';
export { parseSif, parseSifE, parseSifT, toSifE, toSifT } from './sif/sif.js';
export { parseVCalendar, toVCalendar } from './versit/vcalendar.js';
