/*
 * Photos for a form, in the owner app and the console alike (plain elements: the owner app loads no Ant Design).
 * "Take photo" opens the phone's camera (capture), "Choose photos" the album or a file chooser; each picture is
 * uploaded at once (POST /api/stores/{store}/photos) and shown from its signed thumbnail link. The form keeps the
 * PhotoViews and sends their refs.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client';
import type { PhotoView, UploadedPhoto } from '../api/types';
import { isApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import i18n from '../i18n';

export interface PhotoPickerProps {
  api: ApiClient;
  store: string;
  value: readonly PhotoView[];
  onChange: (photos: PhotoView[]) => void;
  max: number;
  disabled?: boolean;
  /** what an empty picker says (the used-car sell form's hint by default) */
  emptyText?: string;
}

/** The server's text for a refused upload when it is in the UI's language (it says why: size, type, HEIC). */
function failure(error: unknown): string {
  if (isApiError(error)) {
    return error.detailIn(i18n.language) ?? error.problem.title ?? String(error.status);
  }
  return String(error);
}

export function PhotoPicker({ api, store, value, onChange, max, disabled, emptyText }: PhotoPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const full = value.length >= max;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const added: PhotoView[] = [];
    const failed: string[] = [];
    for (const file of files) {
      if (value.length + added.length >= max) {
        failed.push(t('photoUpload.max', { max }));
        break;
      }
      setUploading(file.name);
      try {
        const form = new FormData();
        form.append('file', file, file.name);
        const photo = await api.upload<UploadedPhoto>(`/api/stores/${store}/photos`, form);
        added.push({ ref: photo.ref, id: photo.id, thumbnailUrl: photo.thumbnailUrl, url: photo.url, largeUrl: photo.largeUrl });
      } catch (error) {
        failed.push(t('photoUpload.failed', { name: file.name, message: failure(error) }));
      }
    }
    setUploading(null);
    setErrors(failed);
    if (added.length > 0) onChange([...value, ...added]);
  }

  return (
    <div className="photo-picker">
      {value.length === 0 ? (
        <p className="photo-picker__empty">{emptyText ?? t('photoUpload.empty')}</p>
      ) : (
        <ul className="photo-picker__list">
          {value.map((photo, index) => (
            <li key={photo.ref} className="photo-picker__item">
              <img src={photo.thumbnailUrl} alt={t('photoUpload.alt', { n: index + 1 })} loading="lazy" referrerPolicy="no-referrer" />
              <button
                type="button"
                className="photo-picker__remove"
                disabled={disabled}
                aria-label={t('photoUpload.remove', { n: index + 1 })}
                onClick={() => onChange(value.filter((p) => p.ref !== photo.ref))}
              >
                ×
              </button>
              {index > 0 && (
                <button
                  type="button"
                  className="photo-picker__earlier"
                  disabled={disabled}
                  aria-label={t('photoUpload.earlier', { n: index + 1 })}
                  onClick={() => onChange([...value.slice(0, index - 1), photo, value[index - 1]!, ...value.slice(index + 1)])}
                >
                  ‹
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="photo-picker__actions">
        <label htmlFor={`${id}-camera`} className="photo-picker__button" aria-disabled={disabled || full || uploading !== null}>
          {t('photoUpload.takePhoto')}
        </label>
        <input
          id={`${id}-camera`}
          className="photo-picker__input"
          type="file"
          accept="image/*"
          capture="environment"
          disabled={disabled || full || uploading !== null}
          onChange={(e) => void upload(e)}
        />
        <label htmlFor={`${id}-files`} className="photo-picker__button" aria-disabled={disabled || full || uploading !== null}>
          {t('photoUpload.choosePhotos')}
        </label>
        <input
          id={`${id}-files`}
          className="photo-picker__input"
          type="file"
          accept="image/jpeg,image/png,image/*"
          multiple
          disabled={disabled || full || uploading !== null}
          onChange={(e) => void upload(e)}
        />
      </div>
      <p className="photo-picker__hint">{t('photoUpload.hint', { max })}</p>
      {uploading !== null && (
        <p className="photo-picker__status" role="status">
          {t('photoUpload.uploading', { name: uploading })}
        </p>
      )}
      {errors.map((message) => (
        <p key={message} className="photo-picker__error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}

/**
 * The photos of a console form (a product, a gift) as an Ant Design form field: uploaded as they are picked
 * (decision 0028), removed and kept in their order; the form keeps the PhotoViews and sends their refs.
 */
export function PhotosField({ store, max, value = [], onChange, disabled, emptyText }: { store: string; max: number; value?: PhotoView[]; onChange?: (photos: PhotoView[]) => void; disabled?: boolean; emptyText?: string }) {
  const { api } = useAuth();
  return <PhotoPicker api={api} store={store} value={value} max={max} disabled={disabled} emptyText={emptyText} onChange={(photos) => onChange?.(photos)} />;
}
