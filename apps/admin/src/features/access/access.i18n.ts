import { i18n } from "../../i18n/i18n";

/**
 * Why the API refused "Link to the existing account instead", per user error code, in the staff
 * member's language (the server's English message is shown for a code not listed here).
 */
const en = {
  addAccess: {
    linkRefused: {
      EMAIL_IN_USE:
        "This address is a patient's own portal login: a contact cannot share it (one email, one account). Enter another email address for this contact.",
      NOT_LINKABLE: "No portal account uses this address any more. Grant access again to create one.",
    },
  },
};

const fr: typeof en = {
  addAccess: {
    linkRefused: {
      EMAIL_IN_USE:
        "Cette adresse est l'identifiant du portail d'un patient : un contact ne peut pas la partager (un courriel, un compte). Saisissez une autre adresse pour ce contact.",
      NOT_LINKABLE: "Plus aucun compte du portail n'utilise cette adresse. Accordez l'accès de nouveau pour en créer un.",
    },
  },
};

i18n.addResourceBundle("en", "translation", en, true, false);
i18n.addResourceBundle("fr", "translation", fr, true, false);
