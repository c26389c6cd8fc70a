// The on-screen keyboard of kiosk mode (Qt Virtual Keyboard): Simplified Chinese pinyin first,
// English second (the globe key switches), digits and symbols on the &123 key.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    // the panel's height follows its width; the host sizes the window from this
    property real heightPerWidth: panel.width > 0 ? panel.height / panel.width : 0.3
    InputPanel {
        id: panel
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        Component.onCompleted: {
            VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
            VirtualKeyboardSettings.locale = "zh_CN"
        }
    }
}
