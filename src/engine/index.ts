/**
 * The discrete-event simulation kernel: clock, event calendar, generator processes,
 * resources, stores and monitors. It knows nothing of organisations.
 */
export { Environment, type RunOptions } from './environment.js';
export { Event, type Timeout, type EventCallback, type EventState } from './event.js';
export { Process, type ProcessGenerator } from './process.js';
export { Condition, ConditionValue } from './condition.js';
export {
  Resource,
  Request,
  PriorityRequest,
  Preempted,
  type ResourceOptions,
  type RequestOptions,
  type QueueDiscipline,
} from './resource.js';
export { SkillResource, SkillRequest, type SkillResourceOptions } from './skill-resource.js';
export { Store, StorePut, StoreGet, type StoreOptions } from './store.js';
export { Tally, TimeWeighted } from './monitor.js';
export { URGENT, NORMAL } from './calendar.js';
export {
  SimulationError,
  EventAlreadyTriggeredError,
  EventLimitError,
  InvalidArgumentError,
  Interrupt,
} from './errors.js';
