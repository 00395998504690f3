// Picks the UI language and installs the app's and Qt's own translations for it.
#include "Language.h"

#include "gc/core/DisplayLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "gc.app.language", QtInfoMsg)

namespace {

bool install(const QString& file, const QString& directory) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(file, directory)) {
        qCWarning(lcLanguage, "translation %s not found in %s", qPrintable(file), qPrintable(directory));
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

UiLanguage installTranslations(const QLocale& locale, const QString& appCatalogue) {
    if (locale.language() == QLocale::English) {
        install(appCatalogue, QString());
        gc::setDisplayLanguage(gc::DisplayLanguage::English);
        return UiLanguage::English;
    }
    // The UI is written in Chinese; Qt's own widgets (OK/Cancel, Yes/No, the file dialog, the
    // line edit's context menu) speak it only with Qt's catalogue (Debian: qt6-translations-l10n).
    install(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    gc::setDisplayLanguage(gc::DisplayLanguage::Chinese);
    return UiLanguage::Chinese;
}
