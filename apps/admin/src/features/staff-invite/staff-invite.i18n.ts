import { i18n } from "../../i18n/i18n";

/** Texts of the page an invited staff member opens from their email. */
const en = {
  staffInvite: {
    title: "Choose your password",
    subtitle: "You were invited to the staff dashboard. Choose a password, then sign in with the email the invitation was sent to.",
    password: "New password",
    confirm: "Repeat the password",
    rules: "12 to 128 characters. A few words you will remember make a good password.",
    mismatch: "The two passwords differ.",
    tooShort: "Use at least 12 characters.",
    submit: "Set my password",
    doneTitle: "Your password is set",
    done: "Sign in with {{email}} and your new password.",
    signIn: "Go to sign-in",
    invalid:
      "This invitation link is not valid: it was used already or replaced by a newer one. If you chose your password already, sign in; otherwise ask your administrator for a new invitation.",
    expired: "This invitation has expired. Ask your administrator to send a new one.",
    disabled: "Your staff account is disabled. Ask your administrator.",
    rateLimited: "Too many attempts from this network. Wait a few minutes and try again.",
  },
};

const fr: typeof en = {
  staffInvite: {
    title: "Choisissez votre mot de passe",
    subtitle:
      "Vous avez été invité·e au tableau de bord du personnel. Choisissez un mot de passe, puis connectez-vous avec le courriel qui a reçu l'invitation.",
    password: "Nouveau mot de passe",
    confirm: "Répétez le mot de passe",
    rules: "De 12 à 128 caractères. Quelques mots dont vous vous souviendrez font un bon mot de passe.",
    mismatch: "Les deux mots de passe diffèrent.",
    tooShort: "Utilisez au moins 12 caractères.",
    submit: "Enregistrer mon mot de passe",
    doneTitle: "Votre mot de passe est enregistré",
    done: "Connectez-vous avec {{email}} et votre nouveau mot de passe.",
    signIn: "Aller à la connexion",
    invalid:
      "Ce lien d'invitation n'est pas valide : il a déjà servi ou a été remplacé par un plus récent. Si vous avez déjà choisi votre mot de passe, connectez-vous ; sinon, demandez une nouvelle invitation à votre administrateur.",
    expired: "Cette invitation a expiré. Demandez-en une nouvelle à votre administrateur.",
    disabled: "Votre compte du personnel est désactivé. Adressez-vous à votre administrateur.",
    rateLimited: "Trop de tentatives depuis ce réseau. Patientez quelques minutes et réessayez.",
  },
};

i18n.addResourceBundle("en", "translation", en, true, false);
i18n.addResourceBundle("fr", "translation", fr, true, false);
