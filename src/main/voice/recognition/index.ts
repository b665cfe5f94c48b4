export * from './recognizer';
export { createRecognition, type Recognition, type RecognitionOptions } from './create-recognition';
export type { WhisperModelManager } from './whisper-model-manager';
export { isAbortError } from './abort-error';
