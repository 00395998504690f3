#pragma once

#include <QLocale>

// The UI language, chosen once at start from the locale: Chinese (the source language) unless
// the locale is English. Installs the app's catalogue and Qt's own (dialog buttons, context
// menus, file dialogs) for it, and sets the code tables' display language to match.
enum class UiLanguage { Chinese, English };

// Returns the language chosen. The translators live as children of the application object.
// `appCatalogue` is the app's compiled English catalogue (a resource of the executable).
UiLanguage installTranslations(const QLocale& locale, const QString& appCatalogue);
