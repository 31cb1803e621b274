import { en } from "./en";
import { fr } from "./fr";

/**
 * "Activé" (access enabled, no invite yet) and "Actif" (the patient has signed in) read alike in
 * French: a front desk mistook one for the other. Each status says what it is about — the access
 * or the account — and the portal's wording follows the same words.
 */
describe("portal status wording", () => {
  it("the French statuses can't be mistaken for each other", () => {
    expect(fr.status.ENABLED).toBe("Accès ouvert");
    expect(fr.status.ACTIVE).toBe("Compte actif");
    const stem = (s: string) => s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").slice(0, 4);
    const words = Object.values({ NO_ACCESS: fr.status.NO_ACCESS, ENABLED: fr.status.ENABLED, INVITED: fr.status.INVITED, ACTIVE: fr.status.ACTIVE });
    expect(new Set(words.map(stem)).size).toBe(words.length);
  });

  it("the English statuses stay as they are", () => {
    expect(en.status.ENABLED).toBe("Enabled");
    expect(en.status.ACTIVE).toBe("Active");
  });
});
