import { i18n } from "../../i18n/i18n";

const en = {
  activation: {
    open: "Activation sheet",
    openHint: "Print or show a QR code and an activation code to hand the invite over in person.",
    title: "Activation sheet",
    explain:
      "This creates a new invite for {{email}}: a QR code of the invite link and an 8-character activation code, valid as long as an emailed invite. Earlier invite links and codes stop working. The code is shown only now: print the sheet or show it to the patient.",
    create: "Create the sheet",
    back: "Back",
    print: "Print",
    done: "Done",
    sheetHeading: "Your patient portal",
    forPatient: "Access to the profile of {{name}}",
    proxy: "(as a representative)",
    scanTitle: "Scan with your phone's camera",
    scanText: "The link opens the portal's sign-up page.",
    typeTitle: "Or type this code",
    typeText: "Go to {{url}} and enter:",
    codeLabel: "Activation code",
    steps: "You will be asked for the date of birth on file, then to choose a password. Afterwards, sign in with {{email}}.",
    validUntil: "Valid until {{date}}, once.",
    keep: "Keep this sheet private: with the date of birth, it opens the account until it is used.",
  },
};

const fr: typeof en = {
  activation: {
    open: "Feuille d'activation",
    openHint: "Imprimer ou montrer un code QR et un code d'activation pour remettre l'invitation en personne.",
    title: "Feuille d'activation",
    explain:
      "Cela crée une nouvelle invitation pour {{email}} : un code QR du lien d'invitation et un code d'activation de 8 caractères, valables aussi longtemps qu'une invitation par courriel. Les liens et codes précédents cessent de fonctionner. Le code n'est affiché que maintenant : imprimez la feuille ou montrez-la au patient.",
    create: "Créer la feuille",
    back: "Retour",
    print: "Imprimer",
    done: "Terminé",
    sheetHeading: "Votre portail patient",
    forPatient: "Accès au dossier de {{name}}",
    proxy: "(à titre de représentant)",
    scanTitle: "Scannez avec l'appareil photo de votre téléphone",
    scanText: "Le lien ouvre la page de création de compte du portail.",
    typeTitle: "Ou saisissez ce code",
    typeText: "Allez à {{url}} et saisissez :",
    codeLabel: "Code d'activation",
    steps: "La date de naissance au dossier vous sera demandée, puis le choix d'un mot de passe. Ensuite, connectez-vous avec {{email}}.",
    validUntil: "Valide jusqu'au {{date}}, une seule fois.",
    keep: "Gardez cette feuille confidentielle : avec la date de naissance, elle ouvre le compte tant qu'elle n'a pas servi.",
  },
};

i18n.addResourceBundle("en", "translation", en, true, false);
i18n.addResourceBundle("fr", "translation", fr, true, false);
