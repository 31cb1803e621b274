import { i18n } from "../../i18n/i18n";

/** Texts of the Contacts tab's add and edit dialogs, registered beside the app's messages. */
const en = {
  contactForm: {
    add: "Add contact",
    addTitle: "Add a contact to {{name}}'s record",
    editTitle: "Edit contact: {{name}}",
    edit: "Edit",
    editFor: "Edit {{name}}",
    firstName: "First name",
    lastName: "Last name",
    relationship: "Relationship to the patient",
    email: "Email",
    emailHint: "Needed before the contact can be given portal access.",
    phone: "Phone",
    phoneHint: "Digits, spaces, +, -, parentheses; an extension as “ext. 12”.",
    language: "Preferred language",
    create: "Add contact",
    save: "Save",
    required: "Required.",
    added: "{{name}} was added to the contacts.",
    saved: "Contact saved.",
    savedRequested: "Contact saved. A confirmation link was sent to {{email}}; the portal login changes once it is confirmed.",
    savedCancelled: "Contact saved. The login change awaiting confirmation was withdrawn.",
    savedKept: "Contact saved. The portal login stays {{login}}.",
    loginNote:
      "{{name}} signs in to the portal as {{login}}. A new email here is sent a link to confirm it: the login changes only once it is confirmed, and {{login}} is told.",
    loginNoteKept: "{{name}} signs in to the portal as {{login}}. A new email here does not change that login; staff who manage portal access can.",
    pendingLogin: "Login change to {{email}} awaiting confirmation",
    noEmail: "Add an email (Edit) to give portal access.",
  },
};

const fr: typeof en = {
  contactForm: {
    add: "Ajouter un contact",
    addTitle: "Ajouter un contact au dossier de {{name}}",
    editTitle: "Modifier le contact : {{name}}",
    edit: "Modifier",
    editFor: "Modifier {{name}}",
    firstName: "Prénom",
    lastName: "Nom",
    relationship: "Lien avec le patient",
    email: "Courriel",
    emailHint: "Nécessaire pour donner au contact l'accès au portail.",
    phone: "Téléphone",
    phoneHint: "Chiffres, espaces, +, -, parenthèses ; un poste sous la forme « poste 12 ».",
    language: "Langue préférée",
    create: "Ajouter le contact",
    save: "Enregistrer",
    required: "Obligatoire.",
    added: "{{name}} a été ajouté aux contacts.",
    saved: "Contact enregistré.",
    savedRequested: "Contact enregistré. Un lien de confirmation a été envoyé à {{email}} ; l'identifiant du portail change une fois confirmé.",
    savedCancelled: "Contact enregistré. Le changement d'identifiant en attente de confirmation a été retiré.",
    savedKept: "Contact enregistré. L'identifiant du portail reste {{login}}.",
    loginNote:
      "{{name}} se connecte au portail avec {{login}}. Un nouveau courriel saisi ici reçoit un lien de confirmation : l'identifiant ne change qu'une fois confirmé, et {{login}} en est avisé.",
    loginNoteKept:
      "{{name}} se connecte au portail avec {{login}}. Un nouveau courriel saisi ici ne change pas cet identifiant ; le personnel qui gère l'accès au portail peut le faire.",
    pendingLogin: "Changement d'identifiant vers {{email}} en attente de confirmation",
    noEmail: "Ajoutez un courriel (Modifier) pour donner l'accès au portail.",
  },
};

i18n.addResourceBundle("en", "translation", en, true, false);
i18n.addResourceBundle("fr", "translation", fr, true, false);
