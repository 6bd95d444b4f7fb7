#include "remote/flash/libusb_dfu.h"

#include <fmt/format.h>
#include <libusb.h>
#include <thread>

#include "remote/flash/flash_error.h"

namespace mpy::flash {
namespace {

constexpr std::uint8_t kDfuClass = 0xFE, kDfuSubclass = 0x01, kDfuModeProtocol = 0x02;
constexpr unsigned kControlTimeoutMs = 5000;
// bmRequestType of DFU's class requests to an interface (DFU 1.1 section 3).
constexpr std::uint8_t kRequestOut = 0x21, kRequestIn = 0xA1;

// Owns a libusb context and a device list for one enumeration.
struct DeviceList {
    libusb_context* ctx = nullptr;
    libusb_device** list = nullptr;
    ssize_t count = 0;
    DeviceList() {
        if (int rc = libusb_init(&ctx); rc != 0)
            throw FlashError(FlashFailure::device_error,
                             fmt::format("libusb cannot start ({}): no USB on this machine?", libusb_error_name(rc)));
        count = libusb_get_device_list(ctx, &list);
        if (count < 0) count = 0;
    }
    ~DeviceList() {
        if (list) libusb_free_device_list(list, 1);
        libusb_exit(ctx);
    }
};

std::string read_string(libusb_device_handle* h, std::uint8_t index) {
    if (!h || index == 0) return {};
    unsigned char buf[256];
    int n = libusb_get_string_descriptor_ascii(h, index, buf, sizeof buf);
    return n > 0 ? std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n)) : std::string();
}

// Fills `info` from the DFU interface of `dev`'s first configuration; false when it has none.
bool describe(libusb_device* dev, DfuDeviceInfo& info) {
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_config_descriptor(dev, 0, &config) != 0) return false;
    libusb_device_handle* h = nullptr;
    bool found = false;
    for (int i = 0; i < config->bNumInterfaces && !found; ++i) {
        const libusb_interface& itf = config->interface[i];
        for (int a = 0; a < itf.num_altsetting; ++a) {
            const libusb_interface_descriptor& alt = itf.altsetting[a];
            if (alt.bInterfaceClass != kDfuClass || alt.bInterfaceSubClass != kDfuSubclass) continue;
            if (!found) {
                found = true;
                info.interface_number = alt.bInterfaceNumber;
                info.dfu_mode = alt.bInterfaceProtocol == kDfuModeProtocol;
                int rc = libusb_open(dev, &h);
                if (rc == LIBUSB_ERROR_ACCESS) info.access_denied = true;
            }
            DfuFunctional::find({alt.extra, static_cast<std::size_t>(alt.extra_length)}, info.functional);
            info.alt_settings.push_back({alt.bAlternateSetting, read_string(h, alt.iInterface)});
        }
    }
    if (found && info.functional.transfer_size == 0)  // some devices put it after the configuration
        DfuFunctional::find({config->extra, static_cast<std::size_t>(config->extra_length)}, info.functional);
    libusb_free_config_descriptor(config);
    if (found && h) {
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(dev, &desc) == 0) {
            info.product_name = read_string(h, desc.iProduct);
            info.serial = read_string(h, desc.iSerialNumber);
        }
    }
    if (h) libusb_close(h);
    return found;
}

UsbTransferError transfer_error(int rc) {
    using Kind = UsbTransferError::Kind;
    Kind k = rc == LIBUSB_ERROR_PIPE        ? Kind::stall
             : rc == LIBUSB_ERROR_NO_DEVICE ? Kind::gone
             : rc == LIBUSB_ERROR_TIMEOUT   ? Kind::timeout
             : rc == LIBUSB_ERROR_ACCESS    ? Kind::access
                                            : Kind::other;
    return UsbTransferError(k, libusb_error_name(rc));
}

}  // namespace

std::string DfuDeviceInfo::id() const {
    return fmt::format("{:04x}:{:04x} (bus {} address {})", vendor, product, bus, address);
}

std::string usb_permission_advice(std::uint16_t vendor, std::uint16_t product) {
    return fmt::format(
        "this user may not open USB device {0:04x}:{1:04x}; a udev rule gives access: put\n"
        "  SUBSYSTEM==\"usb\", ATTR{{idVendor}}==\"{0:04x}\", ATTR{{idProduct}}==\"{1:04x}\", TAG+=\"uaccess\"\n"
        "in /etc/udev/rules.d/49-mpr-dfu.rules, run `sudo udevadm control --reload-rules && sudo udevadm trigger` "
        "and plug the board in again",
        vendor, product);
}

std::vector<DfuDeviceInfo> list_dfu_devices() {
    DeviceList devices;
    std::vector<DfuDeviceInfo> out;
    for (ssize_t i = 0; i < devices.count; ++i) {
        libusb_device* dev = devices.list[i];
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(dev, &desc) != 0) continue;
        DfuDeviceInfo info;
        info.bus = libusb_get_bus_number(dev);
        info.address = libusb_get_device_address(dev);
        info.vendor = desc.idVendor;
        info.product = desc.idProduct;
        if (describe(dev, info)) out.push_back(std::move(info));
    }
    return out;
}

LibusbDfuDevice::LibusbDfuDevice(const DfuDeviceInfo& info, std::uint8_t alternate_setting)
    : interface_(info.interface_number) {
    if (int rc = libusb_init(&ctx_); rc != 0)
        throw FlashError(FlashFailure::device_error,
                         fmt::format("libusb cannot start ({}): no USB on this machine?", libusb_error_name(rc)));
    libusb_device** list = nullptr;
    ssize_t n = libusb_get_device_list(ctx_, &list);
    libusb_device* dev = nullptr;
    for (ssize_t i = 0; i < n; ++i)
        if (libusb_get_bus_number(list[i]) == info.bus && libusb_get_device_address(list[i]) == info.address)
            dev = list[i];
    int rc = dev ? libusb_open(dev, &handle_) : LIBUSB_ERROR_NO_DEVICE;  // the handle keeps the device referenced
    if (list) libusb_free_device_list(list, 1);
    // A constructor that throws runs no destructor: what was opened is closed here.
    auto fail = [&](FlashFailure kind, const std::string& msg) {
        if (handle_) libusb_close(handle_);
        libusb_exit(ctx_);
        throw FlashError(kind, msg);
    };
    if (rc == LIBUSB_ERROR_NO_DEVICE) fail(FlashFailure::no_device, "the DFU device " + info.id() + " has gone");
    if (rc == LIBUSB_ERROR_ACCESS)
        fail(FlashFailure::permission, "permission denied opening the DFU device " + info.id() + ": " +
                                           usb_permission_advice(info.vendor, info.product));
    if (rc != 0)
        fail(FlashFailure::device_error, fmt::format("cannot open the DFU device {}: {}", info.id(), libusb_error_name(rc)));
    auto check = [&](const char* what, int result) {
        if (result == 0) return;
        std::string msg = fmt::format("cannot {} of the DFU device {}: {}", what, info.id(), libusb_error_name(result));
        if (result == LIBUSB_ERROR_BUSY) fail(FlashFailure::device_error, msg + " (another program, dfu-util?, has it)");
        fail(result == LIBUSB_ERROR_ACCESS ? FlashFailure::permission : FlashFailure::device_error, msg);
    };
    check("claim the interface", libusb_claim_interface(handle_, interface_));
    check("select the alternate setting", libusb_set_interface_alt_setting(handle_, interface_, alternate_setting));
    facts_.functional = info.functional;
    facts_.alternate_setting = alternate_setting;
    facts_.vendor = info.vendor;
    facts_.product = info.product;
    try {
        for (const DfuAltSetting& a : info.alt_settings)
            if (a.alternate_setting == alternate_setting) facts_.memory = DfuMemoryLayout::parse(a.name);
    } catch (const FlashError& e) {
        libusb_release_interface(handle_, interface_);
        fail(e.failure(), e.diagnostic().message);
    }
    if (facts_.memory.runs.empty()) {
        libusb_release_interface(handle_, interface_);
        fail(FlashFailure::device_error, fmt::format("the DFU device {} does not describe the memory of alternate "
                                                     "setting {} (is it a DfuSe device?)", info.id(), alternate_setting));
    }
}

LibusbDfuDevice::~LibusbDfuDevice() {
    libusb_release_interface(handle_, interface_);
    libusb_close(handle_);
    libusb_exit(ctx_);
}

void LibusbDfuDevice::control_out(DfuRequest request, std::uint16_t value, std::span<const std::uint8_t> data) {
    int rc = libusb_control_transfer(handle_, kRequestOut,
                                     static_cast<std::uint8_t>(request), value, interface_,
                                     const_cast<unsigned char*>(data.data()), static_cast<std::uint16_t>(data.size()),
                                     kControlTimeoutMs);
    if (rc < 0) throw transfer_error(rc);
    if (static_cast<std::size_t>(rc) != data.size())
        throw UsbTransferError(UsbTransferError::Kind::other,
                               fmt::format("the device took {} of {} bytes", rc, data.size()));
}

std::vector<std::uint8_t> LibusbDfuDevice::control_in(DfuRequest request, std::uint16_t value, std::uint16_t length) {
    std::vector<std::uint8_t> buf(length);
    int rc = libusb_control_transfer(handle_, kRequestIn,
                                     static_cast<std::uint8_t>(request), value, interface_, buf.data(), length,
                                     kControlTimeoutMs);
    if (rc < 0) throw transfer_error(rc);
    buf.resize(static_cast<std::size_t>(rc));
    return buf;
}

void LibusbDfuDevice::sleep(std::chrono::milliseconds ms) { std::this_thread::sleep_for(ms); }

}  // namespace mpy::flash
