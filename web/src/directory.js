// Clinics and providers from scheduling, for the filter selects and the short provider label on cards. A role
// that may not read them gets empty lists, and the selects offer only the ids seen on the board.
import { getJson } from './auth.js';
import { ensureOption } from './dom.js';

export async function loadDirectory() {
  const [clinics, providers] = await Promise.all([
    getJson('/api/scheduling/clinics').catch(() => []),
    getJson('/api/scheduling/providers').catch(() => []),
  ]);
  return {
    clinics: clinics.map((clinic) => ({ code: clinic.code, name: clinic.name ?? clinic.code })),
    providers: providers.map((provider) => ({
      id: provider.providerId ?? provider.id,
      name: provider.name,
      clinic: provider.clinic,
    })),
  };
}

/** Who a provider id is on screen: their name when scheduling told us, else the id's first 8 characters. */
export class ProviderLabels {
  constructor() {
    this.names = new Map();
    this.clinics = new Map();
  }

  learn(providers) {
    for (const provider of providers) {
      if (provider.name) this.names.set(provider.id, provider.name);
      if (provider.clinic) this.clinics.set(provider.id, provider.clinic);
    }
  }

  label(providerId) {
    return providerId ? this.names.get(providerId) ?? providerId.slice(0, 8) : '';
  }
}

/** Fills the clinic and provider selects; the provider select lists the chosen clinic's providers (all without one). */
export function fillFilterSelects(clinicSelect, providerSelect, directory, labels) {
  for (const clinic of directory.clinics) {
    ensureOption(clinicSelect, clinic.code, clinic.name === clinic.code ? clinic.code : `${clinic.name} (${clinic.code})`);
  }
  const clinic = clinicSelect.value;
  for (const option of [...providerSelect.options].slice(1)) {
    const theirs = labels.clinics.get(option.value);
    if (clinic && theirs && theirs !== clinic && option.value !== providerSelect.value) option.remove();
  }
  for (const provider of directory.providers) {
    if (!clinic || provider.clinic === clinic) ensureOption(providerSelect, provider.id, labels.label(provider.id));
  }
}
