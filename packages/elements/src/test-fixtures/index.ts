export * from './salesforce-contact.js';
