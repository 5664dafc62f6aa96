/**
 * Scanning a QR code with the camera in a browser (the H5 build), where Taro.scanCode needs
 * WeChat's JS-SDK and is not there. Uses the browser's own BarcodeDetector on the camera stream —
 * no library: where the browser has no detector (desktop Firefox and Safari, Chromium on Linux),
 * or no camera access (plain http other than localhost), the field offers typing only.
 */

interface DetectedBarcode {
  rawValue: string
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>
}

/** Not in TypeScript's DOM library yet. */
type BarcodeDetectorClass = new (options?: { formats: string[] }) => BarcodeDetectorLike

function detectorClass(): BarcodeDetectorClass | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
}

/** Whether this browser can scan with its camera at all (asked before offering the button). */
export function canScanInBrowser(): boolean {
  return Boolean(detectorClass() && typeof navigator !== 'undefined' && navigator.mediaDevices?.getUserMedia)
}

/** What went wrong with the camera, as the person can act on it. */
export function cameraErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name
  if (name === 'NotAllowedError' || name === 'SecurityError') return '没有摄像头权限：请在浏览器设置中允许使用摄像头，或直接粘贴码值'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头，请直接粘贴码值'
  return '无法打开摄像头，请直接粘贴码值'
}

/** How often a frame is looked at: often enough to feel instant, rarely enough for an old phone. */
const FRAME_INTERVAL_MS = 250

function styled<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Partial<CSSStyleDeclaration>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  Object.assign(element.style, style)
  if (text) element.textContent = text
  return element
}

/**
 * Opens a full-screen camera view over the page and resolves with the first QR code it reads,
 * or null when the person cancels; rejects when the camera cannot be used (see
 * cameraErrorMessage). Plain DOM, like the PDF picker in components/files: it lives for one scan,
 * and the camera is always released, whichever way it ends.
 */
export function scanInBrowser(prompt: string): Promise<string | null> {
  const Detector = detectorClass()
  if (!Detector || !canScanInBrowser()) return Promise.reject(new Error('camera scanning not supported'))
  return new Promise((resolve, reject) => {
    let detector: BarcodeDetectorLike
    try {
      detector = new Detector({ formats: ['qr_code'] })
    } catch (error) {
      reject(error)
      return
    }
    const overlay = styled('div', {
      position: 'fixed',
      inset: '0',
      zIndex: '10000',
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      gap: '16px',
      background: '#000000',
      color: '#ffffff',
      fontSize: '18px',
    })
    overlay.setAttribute('role', 'dialog')
    overlay.setAttribute('aria-label', prompt)
    overlay.setAttribute('data-testid', 'browser-scanner')
    const video = styled('video', { width: '100%', maxWidth: '480px', maxHeight: '70vh', objectFit: 'cover' })
    video.muted = true
    video.setAttribute('playsinline', '')
    const cancel = styled(
      'button',
      {
        minHeight: '48px',
        padding: '0 32px',
        border: '2px solid #ffffff',
        borderRadius: '24px',
        background: 'transparent',
        color: '#ffffff',
        fontSize: '18px',
      },
      '取消',
    )
    cancel.type = 'button'
    overlay.append(video, styled('div', {}, prompt), cancel)
    document.body.appendChild(overlay)

    let stream: MediaStream | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let finished = false
    const finish = (settle: () => void) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      stream?.getTracks().forEach((track) => track.stop())
      overlay.remove()
      settle()
    }
    cancel.onclick = () => finish(() => resolve(null))

    const look = async () => {
      if (finished) return
      try {
        const value = (await detector.detect(video)).find((found) => found.rawValue)?.rawValue
        if (value) return finish(() => resolve(value))
      } catch {
        // The first frames may not be ready yet: look again.
      }
      timer = setTimeout(() => void look(), FRAME_INTERVAL_MS)
    }

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (opened) => {
        stream = opened
        if (finished) return opened.getTracks().forEach((track) => track.stop())
        video.srcObject = opened
        await video.play()
        await look()
      })
      .catch((error: unknown) => finish(() => reject(error)))
  })
}
