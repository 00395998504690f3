#include "MainWindow.h"

// Wiring of the dispatch module into the main window; nothing yet.
void MainWindow::setupDispatch() {}
