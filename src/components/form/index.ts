// The form kit: every form of every line is made of these, checked with the contract's zod schemas.
export { Field, type FieldProps } from './field'
export { TextArea, TextInput, type TextAreaProps, type TextInputProps } from './inputs'
export { CheckChips, ChoiceChips, type ChoiceOption } from './choice-chips'
export { ConsentBox } from './consent-box'
export { firstInvalidStep, StepHeader, StepNav, stepOfFields, type FormStep } from './steps'
export { checkWith, withoutField } from './check'
