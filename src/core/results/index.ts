export * from './code.ts';
export * from './template.ts';
