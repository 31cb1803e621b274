import { i18n } from "../../i18n/i18n";

/** Sign-in lock texts, registered beside the app's messages when a list showing locks loads. */
const en = {
  signInLock: {
    locked: "Locked until {{time}}",
    lockedHint: "Sign-in refused after 5 failed attempts; the wait doubles with each further failure, up to an hour.",
    unlock: "Unlock",
    title: "Unlock {{name}}?",
    bodyStaff: "{{name}} can sign in again at once. Unlock only after checking who asked, for example by calling them back.",
    bodyPortal: "{{name}} can sign in and change the password again at once. Unlock only after checking who asked, for example by calling them back.",
    reason: "Reason (kept in the audit log)",
    reasonHelp: "For example: patient called, identity checked with date of birth.",
    reasonRequired: "Give a reason for unlocking.",
    done: "Unlocked.",
  },
};

const fr: typeof en = {
  signInLock: {
    locked: "Bloqué jusqu'à {{time}}",
    lockedHint: "Connexion refusée après 5 échecs ; l'attente double à chaque nouvel échec, jusqu'à une heure.",
    unlock: "Débloquer",
    title: "Débloquer {{name}} ?",
    bodyStaff: "{{name}} pourra se connecter de nouveau tout de suite. Ne débloquez qu'après avoir vérifié qui le demande, par exemple en rappelant la personne.",
    bodyPortal:
      "{{name}} pourra se connecter et changer son mot de passe de nouveau tout de suite. Ne débloquez qu'après avoir vérifié qui le demande, par exemple en rappelant la personne.",
    reason: "Motif (conservé dans le journal d'audit)",
    reasonHelp: "Par exemple : la patiente a appelé, identité vérifiée avec la date de naissance.",
    reasonRequired: "Indiquez le motif du déblocage.",
    done: "Débloqué.",
  },
};

i18n.addResourceBundle("en", "translation", en, true, false);
i18n.addResourceBundle("fr", "translation", fr, true, false);
